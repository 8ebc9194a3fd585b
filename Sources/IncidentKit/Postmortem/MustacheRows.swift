import Mustache

// Rows as templates see them. Structs with `child(named:)` rather than `[String: Any]`
// dictionaries: nothing is boxed until a template asks for it.

extension PostmortemReport.Line: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "time": time
        case "author": author
        case "text": text
        default: nil
        }
    }
}

extension PostmortemReport.Day: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "events": lines
        case "markdown": PostmortemReport.markdown(self)
        default: nil
        }
    }
}

extension PostmortemReport.ChecklistRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "item": item
        case "state": state
        case "time": time
        case "author": author
        case "reason": reason.isEmpty ? nil : reason
        case "took": took
        case "done": state == "done"
        case "skipped": state == "skipped"
        case "notDone": state == "not done" || state == "untouched"
        case "untouched": state == "untouched"
        default: nil
        }
    }
}

extension PostmortemReport.CommandRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "command": command
        case "exit": exit
        case "duration": duration
        case "output": output
        case "time": time
        case "keyLine": keyLine
        default: nil
        }
    }
}

extension PostmortemReport.BreachRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "metric": metric
        case "level": level
        case "threshold": threshold
        case "peak": peak
        case "count": breaches
        case "firstBreach": firstBreach
        case "recovered": recovered
        default: nil
        }
    }
}

extension PostmortemReport.Role: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "role": role
        case "person": person
        default: nil
        }
    }
}

extension PostmortemReport.TimeRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "duration": duration
        default: nil
        }
    }
}

extension PostmortemReport.FollowUpRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "text": text
        case "owner": owner
        case "state": state
        case "open": state == "open"
        case "added": added
        default: nil
        }
    }
}
