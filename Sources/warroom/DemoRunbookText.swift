/// A copy of `examples/payments-api.md`, for `warroom demo` when the binary was installed
/// away from the source tree. Keep it in step with the file (the file wins when found).
enum DemoRunbookText {
    static let fileName = "payments-api.md"
    static let markdown = #"""
# Payments API Runbook

Owner: payments-platform · Pager: `payments-oncall` · Dashboards: Grafana "Payments / Overview"

## 🚨 Incident Response

### Severity Levels

| Level | Description                                   | Response Time | Examples                                  |
|-------|-----------------------------------------------|---------------|-------------------------------------------|
| SEV1  | Card payments failing for most customers       | < 10 mins     | Checkout 5xx > 20%, acquirer unreachable  |
| SEV2  | Degraded: slow or partially failing payments   | < 30 mins     | p95 latency > 2 s, one region failing     |
| SEV3  | Minor: a feature or a few merchants affected   | < 4 hours     | Refund exports delayed                    |
| SEV4  | Cosmetic or internal only                      | Next business day | Dashboard typo                        |

### On-Call

- Primary: payments on-call (weekly rotation)
- Escalation: Payments on-call → Payments lead → VP Engineering

### Incident Checklist

1. **Assess**
   - Confirm the alert from the customer's side (synthetic checkout)
   - Pick a severity and post it in #inc-payments
   - Check the status of the acquirers

2. **Communicate**
   - Name a scribe and a comms lead
   - Post the first status page update

3. **Mitigate**
   - Roll back the last deploy if it is suspect
   - Fail over to the secondary acquirer if one is down
   - Scale the API if it is saturated

4. **Resolve**
   - Confirm error rate and latency are back under target
   - Post the all-clear

5. **Follow Up**
   - Schedule the postmortem within 48 hours
   - File the action items

### Card Data Exposure Response

1. **Immediate**: Disable the affected integration
2. **15 min**: Page security and legal
3. **1 hour**: Rotate the exposed credentials
4. **24 hours**: Send the regulator notification if required

## 🔍 Diagnosis

### Health

```bash
# Check the pods
kubectl get pods -n payments -l app=payments-api

# Recent logs
kubectl logs deployment/payments-api -n payments --tail=200

# Synthetic checkout from outside
curl -fsS -o /dev/null -w "%{http_code} %{time_total}s\n" https://payments.example.net/healthz
```

### Database

```sql
-- Long running transactions
SELECT pid, now() - xact_start AS age, state, left(query, 80)
FROM pg_stat_activity
WHERE xact_start IS NOT NULL
ORDER BY age DESC
LIMIT 10;

-- Lock waits
SELECT count(*) FROM pg_locks WHERE NOT granted;
```

### This Host

```bash
# Disk space where the logs live
df -h /var/log

# Load and memory right now
head -n 3 /proc/loadavg /proc/meminfo

# Follow the load every 2 seconds (Ctrl-C to stop)
while sleep 2; do date -u +%T; cat /proc/loadavg; done
```

## 🛠️ Mitigation

### Roll Back a Bad Deploy

1. Find the previous revision:

   ```bash
   kubectl rollout history deployment/payments-api -n payments
   ```

2. Roll back:

   ```bash
   kubectl rollout undo deployment/payments-api -n payments --to-revision=$REVISION
   ```

3. Watch it converge: `kubectl rollout status deployment/payments-api -n payments`

### Scale Out

```bash
# More API replicas
kubectl scale deployment/payments-api -n payments --replicas=<replicas>
```

### Drain the Retry Queue

**Only when the acquirer is healthy again.**

```bash
# How deep is it
redis-cli -h $REDIS_HOST LLEN payments:retry

# Drop it entirely (payments in it are lost)
redis-cli -h $REDIS_HOST DEL payments:retry
```

## 📊 Monitoring

### Key Metrics

| Metric              | Target  | Alert Threshold |
|---------------------|---------|-----------------|
| Checkout Error Rate | < 0.5%  | > 5%            |
| API Latency (p95)   | < 400ms | > 1500ms        |
| Retry Queue Depth   | < 100   | > 5000          |
| Disk Usage          | < 70%   | > 90%           |

### Critical Alerts
- Checkout error rate > 5% for 5 minutes
- Acquirer connection pool exhausted

### Warning Alerts
- Checkout error rate > 2% for 10 minutes
- Load average > 8 for 5 minutes

## 📞 Contacts

| Team      | Contact           | Method              |
|-----------|-------------------|---------------------|
| Payments  | Payments on-call  | #payments-oncall    |
| Security  | Security on-call  | security@example.net |
| Acquirer  | Acquirer NOC      | +44 20 7946 0000    |

## 📝 Templates

**Status Update Template:**
```
Service: Payments API
Severity: SEV[1-4]
Status: INVESTIGATING / IDENTIFIED / MONITORING / RESOLVED
Started: [ISO timestamp]
Impact: [Who is affected and how]
Next update: [Time]
```
"""#
}
