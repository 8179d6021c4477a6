import SCIMGenCLI
import SCIMGenKit
import XCTest

/// Diagnostic lines for people (`text`) and for GitHub Actions (`github`).
final class DiagnosticFormatterTests: XCTestCase {
    let located = Diagnostic(
        .error, "unknown attribute 'organisation'; did you mean 'organization'?",
        at: SourceLocation(file: "Vendors/lucid/vendor.json", line: 42, column: 7))

    // MARK: - Text

    func testPlainTextIsTheLocatedMessage() {
        let formatter = DiagnosticFormatter()
        XCTAssertEqual(formatter.line(for: located),
                       "Vendors/lucid/vendor.json:42:7: error: unknown attribute 'organisation'; did you mean 'organization'?")
        XCTAssertEqual(formatter.line(for: located), located.description)
        XCTAssertEqual(formatter.line(severity: .warning, message: "unused template 'x'", file: "T/a.mustache", line: 1, column: 2),
                       "T/a.mustache:1:2: warning: unused template 'x'")
        XCTAssertEqual(formatter.line(severity: .note, message: "declared here", file: "a.json", line: 3, column: 1),
                       "a.json:3:1: note: declared here")
    }

    func testPlainTextWithoutLocation() {
        let formatter = DiagnosticFormatter()
        XCTAssertEqual(formatter.line(for: Diagnostic(.error, "no vendors found in 'Vendors'")),
                       "error: no vendors found in 'Vendors'")
        XCTAssertEqual(formatter.line(severity: .warning, message: "file only", file: "a.json"), "a.json: warning: file only")
    }

    /// Only the severity is coloured: the location and the message keep the terminal's own colour,
    /// so that they read on light and dark backgrounds alike.
    func testOnlyTheSeverityIsColoured() {
        let formatter = DiagnosticFormatter(format: .text, style: .ansi)
        XCTAssertEqual(formatter.line(severity: .error, message: "bad", file: "a.json", line: 1, column: 2),
                       "a.json:1:2: \u{1B}[1;31merror: \u{1B}[0mbad")
        XCTAssertEqual(formatter.line(severity: .warning, message: "meh"), "\u{1B}[1;35mwarning: \u{1B}[0mmeh")
        XCTAssertEqual(formatter.line(severity: .note, message: "fyi"), "\u{1B}[1;90mnote: \u{1B}[0mfyi")
    }

    func testConsoleDecidesTheColour() {
        let plainConsole = CapturedConsole(terminals: [.standardError], environment: ["NO_COLOR": "1"])
        let formatter = DiagnosticFormatter(style: plainConsole.style(for: .standardError))
        XCTAssertEqual(formatter.line(for: located), located.description)
    }

    // MARK: - GitHub

    func testGithubWorkflowCommands() {
        let formatter = DiagnosticFormatter(format: .github)
        XCTAssertEqual(formatter.line(severity: .error, message: "bad value", file: "Vendors/x/vendor.json", line: 3, column: 5),
                       "::error file=Vendors/x/vendor.json,line=3,col=5::bad value")
        XCTAssertEqual(formatter.line(severity: .warning, message: "odd", file: "a.json", line: 1, column: 1),
                       "::warning file=a.json,line=1,col=1::odd")
        XCTAssertEqual(formatter.line(severity: .note, message: "fyi", file: "a.json", line: 1, column: 1),
                       "::notice file=a.json,line=1,col=1::fyi")
        XCTAssertEqual(formatter.line(for: located),
                       "::error file=Vendors/lucid/vendor.json,line=42,col=7::unknown attribute 'organisation'; did you mean 'organization'?")
    }

    func testGithubWithoutLocation() {
        XCTAssertEqual(DiagnosticFormatter(format: .github).line(severity: .error, message: "no vendors"), "::error::no vendors")
    }

    func testGithubEscapesMessageData() {
        let formatter = DiagnosticFormatter(format: .github)
        XCTAssertEqual(formatter.line(severity: .error, message: "100% sure\r\nsecond line: a, b\nthird"),
                       "::error::100%25 sure%0D%0Asecond line: a, b%0Athird")
    }

    func testGithubEscapesPropertyValues() {
        let formatter = DiagnosticFormatter(format: .github)
        XCTAssertEqual(formatter.line(severity: .error, message: "m", file: "C:/odd,name%\n.json", line: 1, column: 2),
                       "::error file=C%3A/odd%2Cname%25%0A.json,line=1,col=2::m")
    }

    func testGithubIsNeverColoured() {
        XCTAssertEqual(DiagnosticFormatter(format: .github, style: .ansi).line(severity: .error, message: "m"), "::error::m")
    }
}
