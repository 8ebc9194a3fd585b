import Yams

/// The YAML of warroom's own files (`warroom.yaml`, themes, the alerts section), composed into
/// nodes whose plain scalars all stay strings: the readers convert each value themselves
/// (intervals, thresholds, colours, `true`/`yes`), so Yams's default tag resolver is not needed.
/// That resolver compiles seven ICU regular expressions on first use (~1 ms, before the console's
/// first frame) and matches every scalar and mapping key against them.
public enum ConfigYAML {
    public static func compose(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: yaml, .basic)
    }
}
