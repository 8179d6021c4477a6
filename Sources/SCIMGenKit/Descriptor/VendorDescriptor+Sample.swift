extension VendorDescriptor {
    /// A valid descriptor with every field of the format set (to something other than its
    /// default): the data templates are checked against, and the codec's tests' input. A field
    /// added to the format is added here too; the codec's tests fail until it is.
    public static var sample: VendorDescriptor {
        var d = VendorDescriptor(id: "acme", file: "Vendors/acme/vendor.json", name: "Acme")
        d.jsonSchema = "../vendor.schema.json"
        d.comments = Comments(["": ["Top."], "users.attributes[1]": ["Two", "lines"]])
        d.website = "https://acme.example"
        d.singleSignOnTutorial = "acme-tutorial.md"
        d.gallery = false
        d.learn = LearnMetadata(
            title: "T", description: "D", author: "a", writer: "w", manager: "m", date: "01/02/2025", msAuthor: "ma",
            assetId: "1b4993b3-7fb1-4128-a399-3bad8e26559f", customerIntent: "C")
        d.capabilities = Capabilities(createUsers: false, updateUsers: false, deprovisionUsers: .none, groups: true, singleSignOn: true)
        d.service = ServiceFeatures(
            baseURL: "https://acme.example/scim/v2", patch: false,
            bulk: .init(supported: true, maxOperations: 10, maxPayloadSize: 1000), filter: .init(supported: true, maxResults: 50),
            changePassword: true, sort: true, etag: true,
            authenticationSchemes: [
                AuthenticationScheme(type: .httpbasic, name: "Basic", description: "B", specUri: "https://x", documentationUri: "https://y", primary: true)
            ])
        d.prerequisites = [Prerequisite(kind: .plan, text: "P")]
        d.notes = Note.Section.allCases.map { Note(kind: .tip, section: $0, text: "N") }
        d.assignmentTips = ["A"]
        d.credentials = Credentials(
            steps: [
                CredentialStep(
                    text: "S", code: CodeBlock(language: "bash", body: "echo"), screenshot: Screenshot(path: "media/a.png", alt: "A"))
            ],
            responseFields: .init(tenantURL: "baseUrl", secretToken: "apiToken"), tenantURL: "https://<t>.acme.example/scim",
            secretTokenName: "Bearer Token", issuer: "support", testConnectionHint: "try again",
            adminCredentials: "In the **Admin Credentials** section, select **Authorize**.")
        for step in ProvisioningStep.allCases {
            d.provisioningScreenshots[step] = Screenshot(path: "media/\(step.rawValue).png", alt: step.rawValue)
        }
        d.provisioningFlow = .automatic
        d.includes = Note.Section.allCases.map {
            Include(section: $0, path: "~/identity/saas-apps/includes/\($0.rawValue).md", name: "\($0.rawValue) include")
        }
        d.limitations = ["L"]
        d.troubleshooting = ["T"]
        d.changeLog = [ChangeLogEntry(date: "03/23/2022", text: "Added groups."), ChangeLogEntry(text: "Undated.")]
        d.resources = ["[Acme help](https://acme.example/help)"]
        d.users = AttributeTable(
            mappingName: "M", optional: true,
            attributes: [
                AttributeMapping(path: "userName", type: .string, filterable: true, required: true, matching: 1),
                AttributeMapping(
                    path: "title", type: .string, required: false, source: .expression("ToLower([jobTitle])"), fieldRef: "t",
                    flowType: .objectAddOnly, flowBehavior: .flowAlways, defaultValue: "none"),
                AttributeMapping(path: "nickName", type: .string, source: .constant("")),
                AttributeMapping(path: "displayName", type: .string, source: .attribute("displayName"), note: "Shown in the directory."),
            ],
            screenshots: [Screenshot(path: "media/user-mapping.png", alt: "User mapping")])
        d.groups = AttributeTable(
            mappingName: "G",
            attributes: [AttributeMapping(path: "displayName", type: .string, filterable: true, matching: 1)],
            screenshots: [Screenshot(path: "media/group-mapping.png", alt: "Group mapping")])
        d.extensions = [
            ExtensionSchema(
                id: "urn:ietf:params:scim:schemas:extension:acme:2.0:User", name: "AcmeUser", description: "E", required: true,
                attributes: [
                    ExtensionAttribute(
                        name: "licence", type: .complex, multiValued: true, required: true, caseExact: true, mutability: .immutable,
                        description: "L", canonicalValues: ["a"], referenceTypes: ["User"],
                        subAttributes: [ExtensionAttribute(name: "plan", type: .string)])
                ])
        ]
        d.customFieldMappings = CustomFieldMappings(
            allowedAttributes: [.init(path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", fieldRef: "dept")],
            fieldRefRule: "R", newFieldsLocation: "L", requestChannel: "C", otherIdentityProviders: ["Okta"])
        d.helpPage = HelpPage(title: "H", productName: "Acme", sources: "your HR system")
        return d
    }
}
