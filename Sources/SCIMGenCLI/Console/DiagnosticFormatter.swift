import SCIMGenKit

/// Turns diagnostics into the lines a user or a CI runner reads.
///
/// `text` gives `path:line:col: error: message`, the severity coloured when the style is;
/// `github` gives GitHub Actions workflow commands (`::error file=...,line=3,col=5::message`),
/// which annotate the files of a pull request.
public struct DiagnosticFormatter: Sendable, Hashable {
    /// How a diagnostic is written.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// `path:line:col: error: message`, for people.
        case text
        /// `::error file=path,line=1,col=2::message`, for GitHub Actions.
        case github
    }

    /// How a diagnostic is written.
    public var format: Format
    /// The colours of the `text` format; `github` is never coloured.
    public var style: TextStyle

    /// Creates a formatter.
    public init(format: Format = .text, style: TextStyle = .plain) {
        self.format = format
        self.style = style
    }

    /// One line for a diagnostic, without a newline.
    public func line(for diagnostic: Diagnostic) -> String {
        line(
            severity: diagnostic.severity,
            message: diagnostic.message,
            file: diagnostic.location?.file,
            line: diagnostic.location?.line,
            column: diagnostic.location?.column
        )
    }

    /// One line from plain fields; the location parts that are nil are left out.
    public func line(
        severity: Diagnostic.Severity, message: String, file: String? = nil, line: Int? = nil, column: Int? = nil
    ) -> String {
        switch format {
        case .text:
            return textLine(severity: severity, message: message, file: file, line: line, column: column)
        case .github:
            return githubLine(severity: severity, message: message, file: file, line: line, column: column)
        }
    }
}

// MARK: - Formats

private extension DiagnosticFormatter {
    func textLine(severity: Diagnostic.Severity, message: String, file: String?, line: Int?, column: Int?) -> String {
        let location = [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        let label: String
        switch severity {
        case .error: label = style.error("error: ")
        case .warning: label = style.warning("warning: ")
        case .note: label = style.note("note: ")
        }
        let prefix = location.isEmpty ? "" : "\(location): "
        return prefix + label + message
    }

    /// A workflow command as `@actions/core` writes it: `::command key=value,...::message`.
    func githubLine(severity: Diagnostic.Severity, message: String, file: String?, line: Int?, column: Int?) -> String {
        let command: String
        switch severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        let properties = [
            file.map { "file=\(Self.escapeProperty($0))" },
            line.map { "line=\($0)" },
            column.map { "col=\($0)" },
        ].compactMap { $0 }
        let head = properties.isEmpty ? "::\(command)" : "::\(command) " + properties.joined(separator: ",")
        return head + "::" + Self.escapeData(message)
    }

    /// `%`, CR and LF as `%25`, `%0D` and `%0A`, so that a message stays one command.
    static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// As `escapeData`, and also `:` and `,`, which would end a property.
    static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
