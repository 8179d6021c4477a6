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
        /// Not template text.
        case specific
    }

    /// Classifies one sentence of a tutorial for `app`.
    static func classify(_ sentence: String, app: String) -> Sentence {
        let normal = TutorialText.normalised(sentence, app: app)
        if optionalMapping.matches(normal) {
            return .mapping(name: mappingName(in: sentence), optional: true)
        }
        if mapping.matches(normal) {
            return .mapping(name: mappingName(in: sentence), optional: false)
        }
        if connectionHint.matches(normal), let comma = sentence.firstIndex(of: ",") {
            var hint = TutorialText.trimmed(String(sentence[sentence.index(after: comma)...]))
            while let last = hint.last, ".;".contains(last) { hint.removeLast() }
            // "try step 5 again" points into the source's own numbering, which a generated tutorial does not share.
            hint = stepReference.replacing(in: hint, with: "try again")
            return .connectionHint(hint)
        }
        if provisioningIntroduction.matches(normal) {
            let deprovision: Capabilities.Deprovisioning =
                normal.contains("disable") || normal.contains("deactivate")
                ? .disable : normal.contains("remove") || normal.contains("delete") ? .remove : .none
            return .provisioningIntroduction(
                create: normal.contains("create"), update: normal.contains("update"), deprovision: deprovision)
        }
        for (pattern, step) in sentences where pattern.matches(normal) {
            return .generic(step)
        }
        return .specific
    }

    /// Every pattern, so that a test can check that each compiles.
    static var allPatterns: [ImportPattern] {
        sentences.map(\.0) + [mapping, optionalMapping, connectionHint, provisioningIntroduction, stepReference]
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

    static let mapping = anchored("under the mappings section,? select (.+)")
    static let optionalMapping = anchored(
        "if you would like to synchronize entra (users|groups) to app,? then,? under the mappings section,? select (.+)")
    static let connectionHint = anchored("if the connection fails, (.+)")
    static let stepReference = ImportPattern(#"try step [0-9]+ again"#)
    static let provisioningIntroduction = anchored(
        "this section guides you through (the steps to configure the entra provisioning service to|connecting your entra to app('s)? user account provisioning api, and configuring the provisioning service to) .*(create|update|disable|remove).*"
    )

    /// Template sentences, with the Step 5 step a following screenshot belongs to.
    static let sentences: [(ImportPattern, ProvisioningStep?)] = ([
        // Introduction.
        ("this tutorial describes the steps you need to perform in both app and entra to configure automatic user provisioning", nil),
        ("when configured, entra automatically provisions and de-provisions users( and groups)? to app using the entra provisioning service", nil),
        ("for important details on what this service does, how it works, and frequently asked questions, see automate user provisioning and deprovisioning to saas applications with entra", nil),
        ("the objective of this tutorial is to (show|demonstrate) (you )?the steps (you need )?to (be )?perform(ed)? in app and entra to (automatically provision and de-provision user accounts from entra to app|configure entra to automatically provision and de-provision users and/or groups to app)", nil),
        ("this tutorial describes a connector built on top of the entra user provisioning service", nil),
        // Prerequisites.
        ("the scenario outlined in this tutorial assumes that you already have the following( prerequisites| items)?", nil),
        ("an? entra tenant", nil),
        ("one of the following roles: application administrator, cloud application administrator, or application owner", nil),
        (#"a user account in entra with permission to configure provisioning( \((for example|e\.g\.),? [^)]*\))?"#, nil),
        // Step 1.
        ("learn about how the provisioning service works", nil),
        ("determine who will be in scope for provisioning", nil),
        ("determine what data to map between entra and app", nil),
        // Step 3.
        ("add app from the entra application gallery to start managing provisioning to app", nil),
        ("if you have previously setup app for sso,? you can use the same application", nil),
        ("however,? it is recommended that you create a separate app when testing out the integration initially", nil),
        ("learn more about adding an application from the gallery here", nil),
        // Step 4.
        ("the entra provisioning service allows you to scope who will be provisioned based on assignment to the application and ?/?or based on attributes of the user ?/ ?group", nil),
        ("if you choose to scope who will be provisioned to your app based on assignment, you can use the following steps to assign users and groups to the application", nil),
        ("if you choose to scope who will be provisioned based solely on attributes of the user or group, you can use a scoping filter as described here", nil),
        ("start small", nil),
        ("test with a small set of users and groups before rolling out to everyone", nil),
        ("when scope for provisioning is set to assigned users and groups, you can control this by assigning one or two users or groups to the app", nil),
        ("when scope is set to all users and groups, you can specify an attribute based scoping filter", nil),
        ("if you need (additional|more) roles, you can update the application manifest to add new roles", nil),
        ("when assigning users and groups to app, you must select a role other than default access", nil),
        ("users with the default access role are excluded from provisioning and will be marked as not effectively entitled in the provisioning logs", nil),
        ("if the only role available on the application is the default access role, you can update the application manifest to add (additional|more) roles", nil),
        // The older "Assigning users" section.
        (#"entra uses a concept called "assignments" to determine which users should receive access to selected apps"#, nil),
        (#"in the context of automatic user account provisioning, only the users and groups that have been "assigned" to an application in entra (is|are) synchronized"#, nil),
        ("before configuring and enabling the provisioning service, you need to decide what users and/or groups in entra represent the users who need access to your app( app)?", nil),
        ("once decided, you can assign these users to your app( app)? by following the instructions here", nil),
        ("assign a user or group to an enterprise app", nil),
        // Step 5.
        ("sign in to the entra admin center as at least an? cloud application administrator", nil),
        ("browse to identity > applications > enterprise applications", .enterpriseApplications),
        ("sign in to the azure portal", nil),
        ("select enterprise applications, then select all applications", .enterpriseApplications),
        ("in the applications list, select app", .allApplications),
        ("if you have already configured app for single sign-on, search for your instance of app using the search field", .allApplications),
        ("otherwise, select add and search for app in the application gallery", .allApplications),
        ("select app from the search results, and add it to your list of applications", .allApplications),
        ("select the provisioning tab", .provisioningTab),
        ("select your instance of app, then select the provisioning tab", .provisioningTab),
        ("set the provisioning mode to automatic", .provisioningMode),
        ("under the admin credentials section, (input|enter) your app tenant url and secret token", .adminCredentials),
        ("(click|select) test connection to ensure entra can connect to (your )?app( app)?", .adminCredentials),
        ("in the notification email field, enter the email address of a person or group who should receive the provisioning error notifications and select the send an email notification when a failure occurs check box", .notificationEmail),
        ("(select|click) save", nil),
        ("review the (user|group) attributes that are synchronized from entra to app in the attribute-mapping section", nil),
        ("the attributes selected as matching properties are used to match the (user accounts|groups) in app for update operations", nil),
        ("if you choose to change the matching target attribute, you (will )?need to ensure that the app api supports filtering (users|groups) based on that attribute", nil),
        ("select the save button to commit any changes", nil),
        ("to configure scoping filters, refer to the following instructions provided in the scoping filter tutorial", nil),
        ("to enable the entra provisioning service for app, change the provisioning status to on in the settings section", .provisioningStatus),
        ("define the users and/or groups that you would like to provision to app by choosing the desired values in scope in the settings section", .scope),
        ("when you are ready to provision, click save", .save),
        ("this operation starts the initial synchronization cycle of all users and groups defined in scope in the settings section", nil),
        ("the initial cycle takes longer to perform than subsequent cycles, which occur approximately every 40 minutes as long as the entra provisioning service is running", nil),
        ("for more information on how to read the entra provisioning logs, see reporting on automatic user account provisioning", nil),
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
}
