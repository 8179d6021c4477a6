/// The generic sentences Microsoft's provisioning tutorial template writes for every app, which
/// scimgen's own templates produce again, so an import maps them to nothing.
///
/// Sentences are compared in `TutorialText.normalised` form (the app is `app`, every name of
/// Microsoft Entra ID is `entra`), so one pattern covers the Azure AD era and today's wording.
/// Only whole sentences match: a sentence that adds anything vendor-specific is not boilerplate.
enum Boilerplate {
    /// What one sentence of a tutorial is.
    enum Sentence: Hashable, Sendable {
        /// Template text; in Step 5, the standard step whose screenshot follows it, if any.
        case generic(ProvisioningStep?)
        /// "Under the **Mappings** section, select **…**": the mapping's name, and whether the
        /// tutorial makes it optional ("If you'd like to synchronize … groups …").
        case mapping(name: String, optional: Bool)
        /// "If the connection fails, …": what to do, for `credentials.testConnectionHint`.
        case connectionHint(String)
        /// The introduction of Step 5, which says what the integration does to user accounts.
        case provisioningIntroduction(create: Bool, update: Bool, deprovision: Capabilities.Deprovisioning)
        /// The step that starts the configuration: "Set the Provisioning Mode to Automatic"
        /// (`automatic`) or "Select + New configuration" (`newConfiguration`).
        case flow(ProvisioningFlow)
        /// "In the Admin Credentials section, …" in the vendor's own words: how to fill in the
        /// credentials when it is not the standard Tenant URL and Secret Token.
        case adminCredentials
        /// Not template text.
        case specific
    }

    /// Classifies one sentence of a tutorial for `app`.
    static func classify(_ sentence: String, app: String) -> Sentence {
        let normal = TutorialText.normalised(sentence, app: app)
        // Every pattern starts with a known word, so the sentence's first word picks the few to try:
        // a long run of short sentences costs a few matches each rather than every pattern.
        let first = String(normal.prefix { $0.isLetter || $0 == "-" })
        if first == "if" || first == "under" || first == "in" {
            if optionalMapping.matches(normal) {
                return .mapping(name: mappingName(in: sentence), optional: true)
            }
            if mapping.matches(normal) {
                return .mapping(name: mappingName(in: sentence), optional: false)
            }
        }
        if first == "if", connectionHint.matches(normal), let comma = sentence.firstIndex(of: ",") {
            var hint = TutorialText.trimmed(String(sentence[sentence.index(after: comma)...]))
            while let last = hint.last, ".;".contains(last) { hint.removeLast() }
            // "try step 5 again" points into the source's own numbering, which a generated tutorial does not share.
            hint = stepReference.replacing(in: hint, with: "try again")
            return .connectionHint(hint)
        }
        if first == "this", provisioningIntroduction.matches(normal) {
            let deprovision: Capabilities.Deprovisioning =
                TutorialText.contains(normal, "disable") || TutorialText.contains(normal, "deactivate")
                ? .disable : TutorialText.contains(normal, "remove") || TutorialText.contains(normal, "delete") ? .remove : .none
            return .provisioningIntroduction(
                create: TutorialText.contains(normal, "create"), update: TutorialText.contains(normal, "update"), deprovision: deprovision)
        }
        if first == "set", automaticFlow.matches(normal) { return .flow(.automatic) }
        if first == "set" || first == "select" || first == "click", newConfigurationFlow.matches(normal) {
            return .flow(.newConfiguration)
        }
        for (pattern, step) in (sentencesByFirstWord[first] ?? []) + sentencesByFirstWord["", default: []] where pattern.matches(normal) {
            return .generic(step)
        }
        if first == "under" || first == "in", adminCredentials.matches(normal) { return .adminCredentials }
        return .specific
    }

    /// A template sentence that names another product where the app's name belongs ("the Parsable
    /// API supports filtering" in ThousandEyes's tutorial): that product's name as written, and the
    /// standard step the sentence describes; nil when the sentence is no such thing.
    static func misnamed(_ sentence: String, app: String) -> (name: String, step: ProvisioningStep?)? {
        let normal = TutorialText.normalised(sentence, app: app)
        let first = String(normal.prefix { $0.isLetter || $0 == "-" })
        for loose in (looseSentencesByFirstWord[first] ?? []) + looseSentencesByFirstWord["", default: []] {
            guard let match = loose.pattern.firstMatch(in: normal) else { continue }
            let names = loose.slots.map { match[$0] }.filter { !$0.isEmpty && $0 != "app" && $0 != "entra" }
            // "app admin console": the app's own name with a word more, the same product.
            if let name = names.first, name.split(separator: " ").contains("app") { return (app, loose.step) }
            guard let name = names.first, names.allSatisfy({ $0 == name }),
                let range = sentence.range(of: name, options: .caseInsensitive),
                let initial = sentence[range].first, initial.isUppercase || initial.isNumber
            else { continue }
            return (String(sentence[range]), loose.step)
        }
        return nil
    }

    /// Every pattern, so that a test can check that each compiles.
    static var allPatterns: [ImportPattern] {
        sentences.map(\.0) + [
            mapping, optionalMapping, connectionHint, provisioningIntroduction, stepReference, automaticFlow, newConfigurationFlow,
            adminCredentials,
        ]
    }
}

// MARK: - Patterns

private extension Boilerplate {
    static func mappingName(in sentence: String) -> String {
        var name = TutorialText.boldPhrases(in: sentence).last ?? ""
        if name.isEmpty, let select = sentence.range(of: "select ", options: [.caseInsensitive, .backwards]) {
            name = String(sentence[select.upperBound...])
        }
        name = TutorialText.trimmed(name)
        while let last = name.last, ".:".contains(last) { name.removeLast() }
        return name
    }

    static func anchored(_ pattern: String) -> ImportPattern { ImportPattern("^" + pattern + "$") }

    static let mapping = anchored("(under|in) the mappings section,? select (.+)")
    static let optionalMapping = anchored(
        "if you would like to synchronize entra (users|groups) to app,? then,? (under|in) the mappings section,? select (.+)")
    static let connectionHint = anchored("if the connection fails, (.+)")
    static let automaticFlow = anchored("set the provisioning mode to automatic")
    static let newConfigurationFlow = anchored("(set|select|click) \\+ ?new configuration")
    static let adminCredentials = anchored("(under|in) the admin credentials section,? .+")
    static let stepReference = ImportPattern(#"try step [0-9]+ again"#)
    static let provisioningIntroduction = anchored(
        "this section guides you through (the steps to configure the entra provisioning service to|connecting your entra to app('s)? user account provisioning api, and configuring the provisioning service to) .*(create|update|disable|remove).*"
    )

    /// Template sentences, with the Step 5 step a following screenshot belongs to. Microsoft's
    /// template changed over the years ("tutorial" became "article", "Azure AD" became "Microsoft
    /// Entra ID", "click" became "select"); each pattern accepts the wordings seen in published tutorials.
    static let sentences: [(ImportPattern, ProvisioningStep?)] = ([
        // Introduction.
        ("this (tutorial|article) describes the steps you need to perform in both app and entra to configure automatic (user|host) provisioning", nil),
        // The product may be misnamed here (another vendor's, copied); the link is checked on its own.
        ("when configured, entra automatically provisions and de-?provisions (users|hosts)( and groups| and/or groups| and host groups)? to [^ ].{0,80}? using the entra provisioning service", nil),
        ("for important details on what this service does, how it works, and frequently asked questions, see automate user provisioning and deprovisioning to saas applications with entra", nil),
        ("the objective of this (tutorial|article) is to (show|demonstrate) (you )?the steps (you need )?to (be )?perform(ed)? in app and entra to (automatically provision and de-?provision user accounts from entra to app|configure entra to automatically provision and de-?provision users( and/or groups| and groups)? to app)", nil),
        ("this (tutorial|article) describes a connector built on top of the entra user provisioning service", nil),
        // Prerequisites.
        ("the scenario outlined in this (tutorial|article) assumes that you already have the following( prerequisites| items)?", nil),
        ("an? entra tenant", nil),
        ("one of the following roles: application administrator, cloud application administrator, or application owner", nil),
        (#"a user account in entra with permission to configure provisioning( \((for example|e\.g\.|like),? [^)]*\))?"#, nil),
        // Step 1.
        ("learn about how the provisioning service works", nil),
        ("determine who (will be|is) in scope for provisioning", nil),
        ("determine what data to map between entra and app", nil),
        // Step 2.
        ("this section guides you through the steps to configure app to support provisioning with entra", nil),
        // Step 3, and the older "Add <App> from the gallery" section.
        ("add app from the entra application gallery to start managing provisioning to app", nil),
        ("if you have previously set ?up app for (sso|single sign-on),? (then )?you can use the same application", nil),
        ("however,? (it is recommended that you|we recommend that you|we recommend you) create a separate app when testing out the integration initially", nil),
        ("learn more about adding an application from the gallery here", nil),
        ("(before configuring|to configure) app for automatic user provisioning with entra, you (will )?need to add app from the entra application gallery to your list of managed saas applications", nil),
        ("to add app from the entra application gallery, perform the following steps", nil),
        ("in the (azure portal|entra admin center), in the left navigation (panel|pane), select entra", nil),
        ("go to enterprise applications, and then select all applications", nil),
        ("to add a new application, select the new application button at the top of the pane", nil),
        ("in the search box, enter app, (and )?select app (in|from) the results panel(, and then (select|click) the add button to add the application)?", nil),
        // Step 4.
        ("the entra provisioning service allows you to scope who will be provisioned based on assignment to the application,? (and ?/? ?or|or) based on attributes of the user( ?(/|or) ?group)?", nil),
        ("if you choose to scope who will be provisioned to your app based on assignment, you can use the following steps to assign users( (and/or|and) groups)? to the application", nil),
        ("if you choose to scope who will be provisioned based solely on attributes of the user( or group)?, you can use a scoping filter as described here", nil),
        ("start small", nil),
        ("test with a small set of users( and groups)? before rolling out to everyone", nil),
        ("when scope for provisioning is set to assigned users( and groups)?, you can control this by assigning one or two users( or groups)? to the app", nil),
        ("when scope is set to all users( and groups)?, you can specify an attribute based scoping filter", nil),
        ("if you need (additional|more) roles, you can update the application manifest to add new roles", nil),
        ("when assigning users and groups to app, you must select a role other than default access", nil),
        ("users with the default access role are excluded from provisioning( and will be marked as not effectively entitled in the provisioning logs)?", nil),
        ("if the only role available on the application is the default access role, you can update the application manifest to add (additional|more) roles", nil),
        // The older "Assigning users" section and its tips.
        (#"entra uses a concept called "?assignments"? to determine which users should receive access to selected apps"#, nil),
        (#"in the context of automatic user (account )?provisioning, only the users (and/or|and) groups that have been "?assigned"? to an application in entra (is|are) synchronized"#, nil),
        ("before configuring and enabling (automatic user provisioning|the provisioning service), you (should|need to) decide (which|what) users (and/or|and) groups in entra (need access to app|represent the users who need access to your app( app)?)", nil),
        ("once decided, you can assign these users (and/or groups |and groups )?to (your )?app( app)? by following the instructions here", nil),
        ("assign a user or group to an enterprise app", nil),
        ("it is recommended that a single entra user is assigned to app to test the automatic user provisioning configuration", nil),
        ("additional users (and/or|and) groups may be assigned later", nil),
        (#"when assigning a user to app, you must select any valid application-specific role \(if available\) in the assignment dialog"#, nil),
        // Step 5.
        ("sign in to the entra admin center as at least an? cloud application administrator", nil),
        ("browse to (identity > applications > enterprise applications( > all applications)?|entra > enterprise apps)", .enterpriseApplications),
        ("sign in to the (azure portal|entra admin center)", nil),
        ("select enterprise applications, then select all applications", .enterpriseApplications),
        ("in the applications list, select app", .allApplications),
        ("if you have already configured app for single sign-on, search for your instance of app using the search field", .allApplications),
        ("otherwise, select add and search for app in the application gallery", .allApplications),
        ("select app from the search results, and add it to your list of applications", .allApplications),
        ("select the provisioning tab", .provisioningTab),
        ("select get started", .provisioningTab),
        ("select your instance of app, then select the provisioning tab", .provisioningTab),
        ("(under|in) the admin credentials section, (input|enter) your app tenant url and secret token", .adminCredentials),
        ("in the tenant url field, (input|enter) your app tenant url and secret token", .adminCredentials),
        ("(click|select) test connection to ensure entra can connect to (your )?app( app)?", .adminCredentials),
        ("upon populating the fields shown in step [0-9]+, (click|select) test connection to ensure entra can connect to (your )?app", .adminCredentials),
        ("select create to create your configuration", nil),
        ("select properties in the overview page", nil),
        ("select the pencil to edit the properties", nil),
        ("enable notification emails and provide an email to receive quarantine emails", nil),
        ("enable accidental deletions? prevention", nil),
        ("select apply to save the changes", nil),
        ("select attribute mapping in the left panel and select (users|groups)", nil),
        ("use on-demand provisioning to validate sync with a small number of users before deploying more broadly in your organization", nil),
        ("when you are ready to provision, select start provisioning from the overview page", nil),
        ("in the notification email field, enter the email address of a person( or group)? who should receive the provisioning error notifications and (select|check) the( checkbox -)? send an email notification when a failure occurs( check ?box)?", .notificationEmail),
        ("(select|click) save", nil),
        ("review the (user|group) attributes that are synchronized from entra to app in the attribute-? ?mapping section", nil),
        ("the attributes selected as matching properties are used to match the (user accounts|groups) in app for update operations", nil),
        ("if you choose to change the matching target attribute, you (will )?need to ensure that the app api supports filtering (users|groups) based on that attribute", nil),
        ("select the save button to commit any changes", nil),
        ("to configure scoping filters, refer to the following instructions provided in the scoping filter (tutorial|article)( article)?", nil),
        ("to enable the entra provisioning service for app, change the provisioning status to on in the settings section", .provisioningStatus),
        ("define the users( and/or groups| and groups| or groups)? that you would like to provision to app by choosing the desired values in scope in the settings section", .scope),
        ("when you are ready to provision, (click|select) save", .save),
        ("this operation starts the initial synchronization( cycle)? of all users( and/or groups| and groups)? defined in scope in the settings section", nil),
        ("the initial (cycle|sync) takes longer to perform than subsequent (cycles|syncs)(, which occur approximately every 40 minutes as long as the entra provisioning service is running)?", nil),
        ("for more information on how long it will take for users (and/or groups )?to provision, see how long will it take to provision users", nil),
        ("you can use the (current status|synchronization details) section to monitor progress and follow links to (your )?provisioning activity report, which describes all actions performed by the entra provisioning service on app", nil),
        ("for more information, see check the status of user provisioning", nil),
        ("(for more information on how )?to read the entra provisioning logs, see reporting on automatic user account provisioning", nil),
        // Step 6.
        ("once you have configured provisioning, use the following resources to monitor your deployment", nil),
        ("use the provisioning logs to determine which users have been provisioned successfully or unsuccessfully", nil),
        ("check the progress bar to see the status of the provisioning cycle and how close it is to completion", nil),
        ("if the provisioning configuration seems to be in an unhealthy state, the application (will go|goes) into quarantine", nil),
        ("learn more about quarantine states here", nil),
        // More resources and next steps.
        ("managing user account provisioning for enterprise apps", nil),
        ("what is application access and single sign-on with entra", nil),
        ("learn how to review logs and get reports on provisioning activity", nil),
    ] as [(String, ProvisioningStep?)]).map { (anchored($0.0), $0.1) }

    /// A template sentence with the app's places open to any name, and the groups that capture them.
    struct LooseSentence: Sendable {
        var pattern: ImportPattern
        var slots: [Int]
        var step: ProvisioningStep?
    }

    /// The template sentences with the app's places open to any name, for `misnamed`.
    static let looseSentencesByFirstWord: [String: [LooseSentence]] = Dictionary(
        grouping: sentences.compactMap { pattern, step in loose(pattern.source).map { LooseSentence(pattern: $0.0, slots: $0.1, step: step) } },
        by: { firstWord(of: $0.pattern.source) })

    /// The pattern with each `app` word a capturing group, and those groups' numbers; nil without one.
    static func loose(_ source: String) -> (ImportPattern, [Int])? {
        var result = ""
        var slots: [Int] = []
        var groups = 0
        let characters = Array(source)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                result.append(character)
                result.append(characters[index + 1])
                index += 2
                continue
            }
            if character == "(", index + 1 >= characters.count || characters[index + 1] != "?" { groups += 1 }
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 3 < characters.count ? characters[index + 3] : " "
            if character == "a", index + 3 <= characters.count, String(characters[index..<index + 3]) == "app",
                !(before.isLetter || before == "-"), !after.isLetter
            {
                groups += 1
                slots.append(groups)
                result += "([^ ].{0,60}?)"
                index += 3
                continue
            }
            result.append(character)
            index += 1
        }
        return slots.isEmpty ? nil : (ImportPattern(result), slots)
    }

    /// The sentences by the first word of their pattern ("" for a pattern that starts otherwise).
    static let sentencesByFirstWord: [String: [(ImportPattern, ProvisioningStep?)]] = Dictionary(
        grouping: sentences, by: { firstWord(of: $0.0.source) })

    /// The literal first word of an anchored pattern, or "" when it starts with a group or class.
    static func firstWord(of source: String) -> String {
        let body = source.dropFirst()
        let word = body.prefix { $0.isLetter || $0 == "-" }
        guard let next = body.dropFirst(word.count).first, next == " " || next == "," || next == ":" else { return "" }
        return String(word)
    }
}
