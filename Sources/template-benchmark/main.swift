// Measures how long the Mustache engine takes to render a Microsoft Learn tutorial-sized page:
// a layout with blocks, a few partials, two attribute tables through `cell(...)` and `code(...)`,
// and lists of steps. Run it in a release build:
//
//     swift run -c release template-benchmark
//
// It prints the median time per render over several runs, and the size of the output.

import Foundation
import Mustache
import SCIMGenKit

// MARK: - Templates

let layout = """
    ---
    title: {{$title}}Configure an app for automatic user provisioning{{/title}}
    description: {{$description}}Learn how to provision user accounts automatically.{{/description}}
    ms.topic: tutorial
    ms.date: {{date}}
    ---

    # {{$heading}}Tutorial: Configure an app for automatic user provisioning{{/heading}}

    {{$intro}}
    This article describes the steps you need to perform in both the application and Microsoft Entra ID
    to configure automatic user provisioning.
    {{/intro}}

    {{> partials/capabilities.md}}

    {{> partials/prerequisites.md}}

    {{$steps}}
    {{/steps}}
    ## Attribute mappings

    {{#mappings}}
    ### {{title}}

    {{> partials/attribute-table.md}}

    {{/mappings}}
    {{$troubleshooting}}
    ## Troubleshooting

    No known issues.
    {{/troubleshooting}}

    ## More resources

    {{#resources}}
    * [{{title}}]({{url}})
    {{/resources}}

    """

let tutorial = """
    {{<layout.md}}
    {{$title}}Configure {{app.name}} for automatic user provisioning with Microsoft Entra ID{{/title}}
    {{$heading}}Tutorial: Configure {{app.name}} for automatic user provisioning{{/heading}}
    {{$steps}}
    {{#stepGroups}}
    ## Step {{number}}: {{title}}

    {{intro}}

    {{#steps}}
    {{> partials/step.md}}
    {{/steps}}

    {{#note}}
    > [!NOTE]
    > {{.}}

    {{/note}}
    {{/stepGroups}}
    {{/steps}}
    {{$troubleshooting}}
    ## Troubleshooting

    {{#issues}}
    * **{{title}}**: {{text}}
    {{/issues}}
    {{/troubleshooting}}
    {{/layout.md}}

    """

let capabilities = """
    ## Supported capabilities

    > [!div class="checklist"]
    {{#capabilities}}
    > * {{.}}
    {{/capabilities}}

    """

let prerequisites = """
    ## Prerequisites

    The scenario outlined in this tutorial assumes that you already have the following prerequisites:

    {{#prerequisites}}
    * {{.}}
    {{/prerequisites}}

    """

let step = """
    1. {{text}}
    {{#details}}
       * {{.}}
    {{/details}}

    """

let attributeTable = """
    |Attribute|Type|Supported for filtering|Required by {{app.name}}|Description|
    |---|---|---|---|---|
    {{#attributes}}
    |{{cell(code(path))}}|{{cell(type)}}|{{#filter}}Yes{{/filter}}{{^filter}}No{{/filter}}|{{#required}}Yes{{/required}}{{^required}}No{{/required}}|{{cell(description)}}|
    {{/attributes}}
    """

// MARK: - Data

func attributes(_ names: [String], prefix: String) -> MustacheValue {
    .array(names.enumerated().map { index, name in
        [
            "path": .string(prefix + name),
            "type": index % 3 == 0 ? "String" : (index % 3 == 1 ? "Boolean" : "Reference\n(multi-valued)"),
            "filter": .bool(index < 3),
            "required": .bool(index % 4 == 0),
            "description": .string(index % 2 == 0
                ? "Maps from the Microsoft Entra attribute of the same name."
                : "Sent only when set.\nValues that contain | are escaped."),
        ]
    })
}

let userAttributes = [
    "userName", "active", "displayName", "title", "emails[type eq \"work\"].value", "preferredLanguage",
    "name.givenName", "name.familyName", "name.formatted", "addresses[type eq \"work\"].streetAddress",
    "addresses[type eq \"work\"].locality", "addresses[type eq \"work\"].region", "addresses[type eq \"work\"].postalCode",
    "phoneNumbers[type eq \"work\"].value", "phoneNumbers[type eq \"mobile\"].value", "externalId",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
]
let groupAttributes = [
    "displayName", "members", "externalId", "urn:example:params:scim:schemas:extension:Group|owner",
    "urn:example:params:scim:schemas:extension:Group|description", "urn:example:params:scim:schemas:extension:Group|type",
    "urn:example:params:scim:schemas:extension:Group|visibility", "urn:example:params:scim:schemas:extension:Group|mail",
    "urn:example:params:scim:schemas:extension:Group|createdBy", "urn:example:params:scim:schemas:extension:Group|region",
]

let stepGroups: [MustacheValue] = (1...6).map { number in
    [
        "number": .number(Double(number)),
        "title": .string("Configure part \(number) of the integration"),
        "intro": "Follow these steps to complete this part of the configuration in the admin center.",
        "steps": .array((1...5).map { index in
            [
                "text": .string("Select **Setting \(index)** and enter the value that you copied in the previous step."),
                "details": index % 2 == 0 ? ["Tenant URL: `https://scim.example.com/v2`", "Secret token: the token you generated"] : [],
            ]
        }),
        "note": number % 2 == 0 ? "You can change these settings later." : nil,
    ]
}

let context: MustacheValue = [
    "date": "11/22/2026",
    "app": ["name": "Lucid Suite"],
    "capabilities": ["Create users", "Remove users when they no longer require access", "Keep user attributes synchronized",
                     "Provision groups and group memberships", "Single sign-on (recommended)"],
    "prerequisites": ["A Microsoft Entra tenant", "A user account with permission to configure provisioning",
                      "A Lucid Suite tenant on the Enterprise plan", "A user account in Lucid Suite with admin permissions"],
    "stepGroups": .array(stepGroups),
    "mappings": [
        ["title": "User attributes", "attributes": attributes(userAttributes, prefix: "")],
        ["title": "Group attributes", "attributes": attributes(groupAttributes, prefix: "")],
    ],
    "issues": [
        ["title": "Users aren't created", "text": "Check that the user is assigned to the application and in scope."],
        ["title": "Provisioning is quarantined", "text": "Check the tenant URL and the secret token, then restart provisioning."],
    ],
    "resources": [
        ["title": "Managing user account provisioning for enterprise apps", "url": "../app-provisioning/configure-automatic-user-provisioning-portal.md"],
        ["title": "What is application access and single sign-on with Microsoft Entra ID?", "url": "../manage-apps/what-is-single-sign-on.md"],
    ],
]

// MARK: - Measurement

do {
    let library = TemplateLibrary([
        try Template(source: layout, name: "layout.md"),
        try Template(source: tutorial, name: "tutorial.md"),
        try Template(source: capabilities, name: "partials/capabilities.md"),
        try Template(source: prerequisites, name: "partials/prerequisites.md"),
        try Template(source: step, name: "partials/step.md"),
        try Template(source: attributeTable, name: "partials/attribute-table.md"),
    ])
    let missing = library.missingPartials()
    guard missing.isEmpty else {
        print(missing.map(\.description).joined(separator: "\n"))
        exit(1)
    }
    let output = try library.render("tutorial.md", context: context, escaping: .none, transforms: TemplateTransforms.all)
    if CommandLine.arguments.contains("--print") {
        print(output)
        exit(0)
    }

    let rendersPerRun = 2_000
    var perRender: [Double] = []
    for _ in 0..<9 {
        let start = DispatchTime.now().uptimeNanoseconds
        var bytes = 0
        for _ in 0..<rendersPerRun {
            bytes &+= try library.render("tutorial.md", context: context, escaping: .none, transforms: TemplateTransforms.all).utf8.count
        }
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        precondition(bytes == output.utf8.count * rendersPerRun)
        perRender.append(Double(elapsed) / 1_000 / Double(rendersPerRun))
    }
    perRender.sort()
    let median = perRender[perRender.count / 2]
    print("template benchmark: \(String(format: "%.1f", median)) µs per render (median of \(perRender.count) runs of \(rendersPerRun); best \(String(format: "%.1f", perRender[0])) µs)")
    print("output: \(output.utf8.count) bytes, \(output.split(separator: "\n", omittingEmptySubsequences: false).count) lines")
} catch {
    print(error)
    exit(1)
}
