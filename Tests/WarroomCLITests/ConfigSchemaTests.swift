import Foundation
import Testing
import WarroomTestSupport

/// `schemas/warroom.schema.json`, the JSON Schema editors use for warroom.yaml, checked by python's
/// `jsonschema` (a real validator) against the example and against mistakes `config check` reports.
@Suite(.enabled(if: SchemaValidator.available, "python3 with jsonschema and yaml is not installed"))
struct ConfigSchemaTests {
    static let schema = WarroomBinary.packageRoot.appendingPathComponent("schemas/warroom.schema.json").path

    @Test func theSchemaIsValidAndAcceptsTheExample() throws {
        let example = WarroomBinary.packageRoot.appendingPathComponent("examples/warroom.yaml").path
        let result = try SchemaValidator.validate(yaml: example, schema: Self.schema)
        #expect(result.status == 0 && result.out.isEmpty, "\(result.out)")
    }

    @Test func itRejectsWhatConfigCheckCallsErrors() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warroom-schema-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        colour: blue
        metrics:
          - name: Two Sources
            host: cpu
            http: https://example.com/health
          - name: Slow
            command: echo 1
            every: soon
          - name: Odd Host
            host: gpu
        runners:
          sql: {workdir: /srv}
        commands:
          timeout: 10m
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try SchemaValidator.validate(yaml: file.path, schema: Self.schema)
        #expect(result.status == 1)
        let paths = Set(result.out.split(separator: "\n").map { String($0.split(separator: " ").first ?? "") })
        #expect(
            paths == ["$", "$.metrics[0]", "$.metrics[1].every", "$.metrics[2].host", "$.runners.sql"], "\(result.out)")
    }
}

/// Runs python's jsonschema on a YAML file: prints `PATH message` per error, exits 1 when there are any.
enum SchemaValidator {
    /// python3 as found on PATH (a pyenv or venv one may have jsonschema where the system's has not).
    static let env = "/usr/bin/env"

    static let script = """
        import json, sys, yaml, jsonschema
        schema = json.load(open(sys.argv[2]))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(open(sys.argv[1]))))
        for e in errors:
            print(e.json_path, e.message)
        sys.exit(1 if errors else 0)
        """

    static var available: Bool {
        guard FileManager.default.isExecutableFile(atPath: env) else { return false }
        return (try? run(["-c", "import jsonschema, yaml"]).status) == 0
    }

    static func validate(yaml: String, schema: String) throws -> (status: Int32, out: String) {
        try run(["-c", script, yaml, schema])
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: env)
        process.arguments = ["python3"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
