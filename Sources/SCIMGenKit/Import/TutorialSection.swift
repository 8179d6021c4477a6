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
        case provisioning, monitor
        /// "More resources", "Additional resources", "Next steps", "Related content": closing links.
        case resources
        /// "Change log": dated changes to the integration.
        case changeLog
        /// "Connector limitations", "Known limitations".
        case limitations
        /// "Troubleshooting tips".
        case troubleshooting
        /// A heading the importer does not know.
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
            case .resources, .changeLog, .limitations, .troubleshooting, .unknown: nil
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

    /// The kind a heading names. A "Step 2" heading the importer does not otherwise know is the
    /// step that configures the vendor ("Step 2: Gather SCIM information from <App>").
    static func classify(_ heading: String, app: String) -> Kind {
        guard heading.utf16.count <= 500 else { return .unknown }
        let normal = TutorialText.normalised(heading, app: app)
        // Every heading the importer knows has one of these words; most others are settled here.
        guard keywords.contains(where: { TutorialText.contains(normal, $0) }) else { return .unknown }
        let number = stepNumber.firstMatch(in: normal)
        let text = number.map { String(normal.dropFirst($0[0].count)) } ?? normal
        for (pattern, kind) in headings where pattern.matches(text) { return kind }
        if let number, number[1] == "2" { return .credentials }
        return .unknown
    }

    private static let keywords = [
        "capabilit", "prerequisit", "plan", "support", "set", "configur", "prepare", "enable", "gather", "obtain",
        "retrieve", "generate", "get", "create", "find", "gallery", "scope", "tips", "assign", "monitor", "resources",
        "related", "next steps", "see also", "log", "release notes", "limitations", "known issues", "troubleshoot", "step",
    ]
    private static let stepNumber = ImportPattern(#"^step\s*([0-9]+)\s*[.:)-]?\s*"#)
    private static let headings: [(ImportPattern, Kind)] = ([
        ("capabilities", .capabilities),
        ("^prerequisites?$", .prerequisites),
        ("^plan your (provisioning )?deployment", .plan),
        ("to support (user )?provisioning|^set ?up app for (automatic )?(user )?provisioning|^(setup|configure|prepare|enable) .*(scim|provisioning) (in|on|for) app$|^(gather|obtain|retrieve|generate|get|create|find) .*(token|credential|url|information|details)", .credentials),
        ("^add .*from the .*gallery", .gallery),
        ("who (will be|is|should be) in scope", .scope),
        ("important tips for assigning users", .assignmentTips),
        ("^assign(ing)? users", .assignment),
        ("configur(e|ing) (automatic )?(user |host |group )?(account )?provisioning|^configure user provisioning", .provisioning),
        ("monitor (your )?deployment", .monitor),
        ("^(more|additional) resources$|^related content$|^next steps$|^see also$", .resources),
        ("^change ?log$|^changelog$|^release notes$", .changeLog),
        ("limitations$|^known issues", .limitations),
        ("^troubleshoot", .troubleshooting),
    ] as [(String, Kind)]).map { (ImportPattern($0.0), $0.1) }
}
