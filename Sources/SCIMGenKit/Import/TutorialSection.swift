/// A section of a provisioning tutorial, recognised by its heading in any of the layouts
/// Microsoft Learn has used: "Step 2. Configure …", "Step 2: Configure …", or no step number at all.
struct TutorialSection: Hashable, Sendable {
    /// Which part of the tutorial a section is.
    enum Kind: String, Hashable, Sendable {
        case introduction, capabilities, prerequisites, plan, credentials, gallery, scope
        /// The older "Assigning users to <App>" section.
        case assignment
        /// "Important tips for assigning users to <App>", whose bullets are assignment tips.
        case assignmentTips
        case provisioning, monitor, resources, nextSteps
        /// A heading the importer does not know, such as "Troubleshooting tips" or "Change log".
        case unknown

        /// The descriptor's note section for alerts in this section; nil when notes cannot go there.
        var noteSection: Note.Section? {
            switch self {
            case .introduction: .introduction
            case .capabilities: .capabilities
            case .prerequisites: .prerequisites
            case .plan: .plan
            case .credentials: .credentials
            case .gallery: .gallery
            case .scope, .assignment, .assignmentTips: .scope
            case .provisioning: .provisioning
            case .monitor: .monitor
            case .resources, .nextSteps, .unknown: nil
            }
        }
    }

    /// Which part it is.
    var kind: Kind
    /// The heading's text as written; nil for the introduction before the first heading.
    var title: String?
    /// The blocks under the heading, up to the next section.
    var blocks: [MarkdownBlock]

    /// Cuts a document's blocks after the title into sections. Level-2 headings (and later level-1
    /// ones) start sections; deeper headings start a subsection when they name one the importer
    /// knows ("Important tips for assigning users"), and otherwise stay in their section.
    static func sections(of blocks: [MarkdownBlock], app: String) -> [TutorialSection] {
        var sections = [TutorialSection(kind: .introduction, title: nil, blocks: [])]
        var parent = Kind.introduction
        for block in blocks {
            guard case .heading(let level) = block.kind else {
                sections[sections.count - 1].blocks.append(block)
                continue
            }
            let kind = classify(block.text, app: app)
            if level <= 2 {
                parent = kind
                sections.append(TutorialSection(kind: kind, title: block.text, blocks: []))
            } else if kind != .unknown && kind != parent {
                sections.append(TutorialSection(kind: kind, title: block.text, blocks: []))
            } else {
                sections[sections.count - 1].blocks.append(block)
            }
        }
        return sections
    }

    /// The kind a heading names.
    static func classify(_ heading: String, app: String) -> Kind {
        var text = TutorialText.normalised(heading, app: app)
        text = stepNumber.replacing(in: text, with: "")
        for (pattern, kind) in headings where pattern.matches(text) { return kind }
        return .unknown
    }

    private static let stepNumber = ImportPattern(#"^step\s*[0-9]+\s*[.:)-]?\s*"#)
    private static let headings: [(ImportPattern, Kind)] = ([
        ("capabilities", .capabilities),
        ("^prerequisites$", .prerequisites),
        ("plan your provisioning deployment", .plan),
        ("to support provisioning", .credentials),
        ("^add .* from the .*gallery", .gallery),
        ("define who will be in scope", .scope),
        ("important tips for assigning users", .assignmentTips),
        ("^assigning users to|^assign users to", .assignment),
        ("configur(e|ing) (automatic )?user (account )?provisioning", .provisioning),
        ("monitor your deployment", .monitor),
        ("^(more|additional) resources$|^related content$", .resources),
        ("^next steps$", .nextSteps),
    ] as [(String, Kind)]).map { (ImportPattern($0.0), $0.1) }
}
