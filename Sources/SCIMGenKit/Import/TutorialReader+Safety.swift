extension TutorialReader {
    /// Holds every text the descriptor will carry to the rules `validate` applies to descriptor
    /// text (`MarkdownSafety`, `URLSafety`): what a tutorial may publish and a descriptor may not.
    ///
    /// Two kinds of source text are corrected, each a published defect with a warning: an `http:`
    /// link (Learn's own links are `https:`), and inline HTML that only formats (`<b>`, `<strong>`,
    /// `<i>`, `<em>`, `<u>`, `<p>`, `<span>`, comments), whose text is kept. Anything else that
    /// `validate` refuses (a link to another scheme, an image from another site, an embed) is left
    /// out with the element that holds it, with a warning saying why.
    mutating func holdTextToTheDescriptorRules() {
        vendor.prerequisites = safe(vendor.prerequisites, text: \.text, origin: \.origin)
        vendor.notes = safe(vendor.notes, text: \.text, origin: \.origin)
        vendor.credentials.steps = safe(vendor.credentials.steps, text: \.text, origin: \.origin).map { step in
            var step = step
            if let shot = step.screenshot { step.screenshot = safe(shot) }
            return step
        }
        vendor.changeLog = safe(vendor.changeLog, text: \.text, origin: \.origin)
        for path in [\VendorDescriptor.assignmentTips, \.limitations, \.troubleshooting, \.resources] {
            vendor[keyPath: path] = vendor[keyPath: path].compactMap { safe($0, line: textLines[$0] ?? 1) }
        }
        for path in [
            \VendorDescriptor.credentials.adminCredentials, \.credentials.testConnectionHint, \.credentials.secretTokenName,
            \.users.mappingName, \.learn.title, \.learn.description, \.learn.customerIntent, \.learn.author, \.learn.writer,
            \.learn.manager, \.learn.msAuthor,
        ] {
            if let text = vendor[keyPath: path] { vendor[keyPath: path] = safe(text, line: textLines[text] ?? 1) }
        }
        if let name = groups.mappingName { groups.mappingName = safe(name, line: groupMappingLine ?? 1) }
        for (step, shot) in vendor.provisioningScreenshots { vendor.provisioningScreenshots[step] = safe(shot) }
        vendor.users.screenshots = vendor.users.screenshots.compactMap { safe($0) }
        groups.screenshots = groups.screenshots.compactMap { safe($0) }
        vendor.users.attributes = vendor.users.attributes.map { withSafeNote($0) }
        groups.attributes = groups.attributes.map { withSafeNote($0) }
        if let website = vendor.website, let problem = URLSafety.pageProblem(website) {
            correct(line: websiteLine ?? 1, found: website, recorded: nil, reason: "'website' \(problem)")
            vendor.website = nil
        }
        if let link = vendor.singleSignOnTutorial, let problem = URLSafety.linkProblem(link) {
            correct(line: capabilitiesLine ?? 1, found: link, recorded: nil, reason: "the single sign-on link \(problem)")
            vendor.singleSignOnTutorial = nil
        }
    }

    /// The elements whose text the descriptor may hold, that text made safe; the others left out.
    mutating func safe<Element>(
        _ elements: [Element], text: WritableKeyPath<Element, String>, origin: KeyPath<Element, Origin>
    ) -> [Element] {
        elements.compactMap { element in
            var element = element
            guard let safeText = safe(element[keyPath: text], line: line(of: element[keyPath: origin])) else { return nil }
            element[keyPath: text] = safeText
            return element
        }
    }

    /// The text as the descriptor may hold it, or nil, with a correction, when it cannot be.
    mutating func safe(_ text: String, line: Int) -> String? {
        // An empty text says nothing, and a descriptor holds no empty text.
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return nil }
        var text = text
        if TutorialText.contains(text, "http://") {
            let fixed = text.replacingOccurrences(of: "](http://", with: "](https://")
                .replacingOccurrences(of: "<http://", with: "<https://")
            let bare = Self.bareHTTP.replacing(in: fixed, with: "https://")
            if bare != text {
                correct(line: line, found: "http://", recorded: "https://", reason: "a link with the scheme 'http:'; Learn links use https:")
                text = bare
            }
        }
        if text.utf8.contains(UInt8(ascii: "<")) {
            let stripped = Self.formattingHTML.replacing(in: text, with: "")
            if stripped != text {
                let tag = Self.formattingHTML.firstMatch(in: text)?[0] ?? "<>"
                correct(line: line, found: tag, recorded: nil, reason: "inline HTML that only formats, dropped; the text around it is kept")
                text = stripped
            }
        }
        if let finding = MarkdownSafety.findings(in: text).first {
            correct(line: line, found: TutorialText.clipped(text), recorded: nil, reason: "\(finding.subject) \(finding.reason)")
            return nil
        }
        return text
    }

    /// A screenshot whose alt text and path `validate` accepts, or nil with a correction.
    mutating func safe(_ shot: Screenshot) -> Screenshot? {
        let line = line(of: shot.origin)
        if let problem = URLSafety.imageProblem(shot.path) {
            correct(line: line, found: shot.path, recorded: nil, reason: "the screenshot \(problem)")
            return nil
        }
        var shot = shot
        // `![](media/x.png)` has no alt text; a screenshot in a descriptor needs one.
        if !shot.alt.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
            shot.alt = "Screenshot."
            return shot
        }
        guard let alt = safe(shot.alt, line: line) else { return nil }
        shot.alt = alt
        return shot
    }

    mutating func withSafeNote(_ row: AttributeMapping) -> AttributeMapping {
        guard let note = row.note else { return row }
        var row = row
        row.note = safe(note, line: Self.line(of: row))
        return row
    }

    func line(of origin: Origin) -> Int { origin.location?.line ?? 1 }

    static let bareHTTP = ImportPattern(#"(?<![\w/])http://(?=[A-Za-z0-9])"#)
    static let formattingHTML = ImportPattern(
        #"<!--.*?-->|</?(b|strong|i|em|u|p|span|font|center|div)(\s[^<>]*)?/?>"#)
}
