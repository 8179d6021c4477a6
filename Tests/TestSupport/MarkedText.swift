/// Test input with position markers, as swift-format's tests write them: `1️⃣` to `9️⃣` stand
/// where a diagnostic is expected, so that tests never count columns by hand.
///
///     let input = MarkedText(#"{ "path": "name.1️⃣familyNme" }"#)
///     input.text            // the text without markers
///     input["1️⃣"]          // (line: 1, column: 17): where the marker stood
public struct MarkedText {
    /// The text with every marker removed.
    public let text: String
    /// Each marker's 1-based line and column (in Unicode scalars) in `text`.
    public let markers: [String: (line: Int, column: Int)]

    /// The markers: a digit, the emoji variation selector and the combining keycap.
    public static let names = (1...9).map { "\($0)\u{FE0F}\u{20E3}" }

    /// Reads the markers out of `marked`.
    public init(_ marked: String) {
        var text = String.UnicodeScalarView()
        var markers: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        let scalars = Array(marked.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if index + 2 < scalars.count, ("1"..."9").contains(scalars[index]), scalars[index + 1] == "\u{FE0F}",
                scalars[index + 2] == "\u{20E3}"
            {
                let name = String(String.UnicodeScalarView(scalars[index...index + 2]))
                precondition(markers[name] == nil, "marker \(name) is used twice")
                markers[name] = (line, column)
                index += 3
                continue
            }
            let scalar = scalars[index]
            text.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        self.text = String(text)
        self.markers = markers
    }

    /// Where `marker` stood; a test that names a marker its input lacks stops here.
    public subscript(marker: String) -> (line: Int, column: Int) {
        guard let position = markers[marker] else { preconditionFailure("no marker \(marker) in the input") }
        return position
    }

    /// `file:line:column` of `marker`, the prefix of a located message.
    public func location(_ marker: String, in file: String) -> String {
        let position = self[marker]
        return "\(file):\(position.line):\(position.column)"
    }
}
