import Mustache
import XCTest

/// Mutates the spec templates at random, with a fixed seed so that every run sees the same inputs,
/// and requires that parsing and rendering each one returns or throws: no crash, no hang.
final class FuzzTests: XCTestCase {
    /// Pieces of Mustache syntax to splice in, so that mutations reach deep into the parser.
    private static let fragments = [
        "{{", "}}", "{{{", "}}}", "{{#a}}", "{{/a}}", "{{^a}}", "{{#list}}", "{{/list}}", "{{>p}}", "{{> * dynamic }}",
        "{{<p}}", "{{/p}}", "{{$b}}", "{{/b}}", "{{=<% %>=}}", "<%", "%>", "{{=| |=}}", "|", "{{!", "{{.}}",
        "{{up(", "{{up(a)}}", "{{kind(list)}}", "{{up(kind(a))}}", "{{nope(a)}}", ")", "(", "*", ".", "\n", "\r\n", "  ", "\t", "é", "👩‍💻", "=",
    ]

    func testMutatedSpecTemplatesParseAndRenderOrThrow() throws {
        var sources: [String] = []
        for file in SpecConformanceTests.expectedCaseCounts.keys.sorted() {
            for specCase in try SpecCase.load(file) {
                sources.append(specCase.template)
                sources.append(contentsOf: specCase.partials.values.sorted())
            }
        }
        var random = SplitMix64(seed: 0x5C1_6E4)
        let context: MustacheValue = [
            "a": [1, 2], "list": ["x", ["a": "nested"]], "dynamic": "p", "b": true, "text": "<&>|\n",
        ]
        var parsed = 0
        var rendered = 0
        for _ in 0..<3000 {
            let source = mutate(sources[Int(random.next() % UInt64(sources.count))], with: &random)
            guard let template = try? Template(source: source, name: "p") else { continue }
            parsed += 1
            // Named 'p', the template includes itself wherever a mutation wrote '{{>p}}' or '{{<p}}'.
            let library = TemplateLibrary([template])
            let transforms: [String: Transform] = ["up": .text { $0.uppercased() }, "kind": .value { "\($0.isTruthy)" }]
            for options in [RenderOptions.spec, .strict] {
                let output = try? library.render("p", context: context, escaping: .html, options: options, transforms: transforms)
                if output != nil { rendered += 1 }
            }
        }
        // The run must exercise both paths, or it proves nothing.
        XCTAssertGreaterThan(parsed, 500)
        XCTAssertGreaterThan(rendered, 500)
    }

    /// Inputs that a quadratic algorithm would turn into a hang: each must finish promptly.
    func testPathologicalInputsFinish() throws {
        // One long line of many tags: columns are counted incrementally, not from the line start.
        let tags = String(repeating: "{{a}}{{! c }}", count: 20_000)
        XCTAssertEqual(try Template(source: tags, name: "t").render(["a": "x"], escaping: .none), String(repeating: "x", count: 20_000))
        XCTAssertEqual(
            (try? Template(source: tags + "{{#open}}", name: "t")).map { _ in "parsed" } ?? "error",
            "error")
        // Long delimiters chosen by the template: the search is linear in the text, whatever their length.
        let delimiter = String(repeating: "<", count: 5_000)
        let closing = String(repeating: ">", count: 5_000)
        let source = "{{=\(delimiter) \(closing)=}}" + String(repeating: "\(delimiter)a\(closing)" + String(repeating: "<", count: 4_999) + "!", count: 20)
        XCTAssertEqual(try Template(source: source, name: "t").render(["a": "x"], escaping: .none).count, 20 * 5_001)
        // Thousands of unclosed openings fail at once.
        XCTAssertThrowsError(try Template(source: String(repeating: "{{", count: 100_000), name: "t"))
    }

    private func mutate(_ source: String, with random: inout SplitMix64) -> String {
        var scalars = Array(source.unicodeScalars)
        for _ in 0...(random.next() % 4) {
            let position = scalars.isEmpty ? 0 : Int(random.next() % UInt64(scalars.count + 1))
            switch random.next() % 4 {
            case 0:
                let fragment = Self.fragments[Int(random.next() % UInt64(Self.fragments.count))]
                scalars.insert(contentsOf: fragment.unicodeScalars, at: position)
            case 1:
                let length = min(Int(random.next() % 6), scalars.count - position)
                scalars.removeSubrange(position..<(position + length))
            case 2:
                let length = min(Int(random.next() % 12), scalars.count - position)
                scalars.insert(contentsOf: Array(scalars[position..<(position + length)]), at: position)
            default:
                if position < scalars.count { scalars[position] = "{" }
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
