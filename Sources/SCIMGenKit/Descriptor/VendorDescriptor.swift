/// Everything scimgen knows about one vendor: the facts behind its tutorial, help page,
/// SCIM discovery documents and Entra mappings. Read from `Vendors/<id>/vendor.json`.
public struct VendorDescriptor: Hashable, Sendable {
    /// The folder name: a lowercase slug such as `lucid-all-products`.
    public var id: String
    /// The descriptor file's path as given to the loader, for messages.
    public var file: String
    /// The display name, such as "Lucid (All Products)".
    public var name: String
    /// The product website linked from the introduction.
    public var website: String?
    /// The link to the vendor's single sign-on tutorial, as Microsoft Learn writes it.
    public var singleSignOnTutorial: String?
    /// Whether the app is in the Microsoft Entra application gallery (Step 3 adds it from there;
    /// vendor extension attributes that are complex, multi-valued or references work only then).
    public var gallery: Bool
    /// Microsoft Learn front matter.
    public var learn: LearnMetadata
    /// What the Entra integration can do.
    public var capabilities: Capabilities
    /// The SCIM service features that feed `/ServiceProviderConfig`.
    public var service: ServiceFeatures
    /// Prerequisites specific to the vendor (the Entra ones come from the template).
    public var prerequisites: [Prerequisite]
    /// How an administrator obtains the Tenant URL and Secret Token.
    public var credentials: Credentials
    /// Notes, tips and warnings, each tied to a section.
    public var notes: [Note]
    /// Vendor-specific advice on assigning users and groups to the application.
    public var assignmentTips: [String]
    /// Screenshots that replace the common ones of standard provisioning steps.
    public var provisioningScreenshots: [ProvisioningStep: Screenshot]
    /// How Step 5 starts the configuration in the Entra admin center.
    public var provisioningFlow: ProvisioningFlow
    /// Shared sections the tutorial takes from `[!INCLUDE]` files in place of the template's text.
    public var includes: [Include]
    /// "Connector limitations": what the integration does not do, each a Markdown paragraph.
    public var limitations: [String]
    /// "Troubleshooting tips", each a Markdown paragraph.
    public var troubleshooting: [String]
    /// "Change log": dated changes to the integration, oldest first as Learn lists them.
    public var changeLog: [ChangeLogEntry]
    /// The vendor's own links under "More resources", each a Markdown list item's text.
    public var resources: [String]
    /// The user attribute table.
    public var users: AttributeTable
    /// The group attribute table, nil when the vendor does not provision groups.
    public var groups: AttributeTable?
    /// Vendor extension schemas such as `urn:ietf:params:scim:schemas:extension:lucid:2.0:User`.
    public var extensions: [ExtensionSchema]
    /// Custom field mappings the vendor offers, as on Thrive's own SCIM page.
    public var customFieldMappings: CustomFieldMappings?
    /// The vendor-side "SCIM Provisioning" help page, nil when the vendor does not want one.
    public var helpPage: HelpPage?
    /// The descriptor's `$schema` reference for editors, such as `../vendor.schema.json`.
    public var jsonSchema: String?
    /// The `$comment`s of the file, kept so that encoding gives the file back.
    public var comments = Comments()
    /// Where the descriptor's top-level object starts.
    public var origin: Origin
    /// Where each key was read, for messages about facts without a row of their own.
    public var locations = KeyLocations()

    /// Creates a descriptor; the loader is the usual way to get one.
    public init(
        id: String, file: String, name: String, website: String? = nil, singleSignOnTutorial: String? = nil,
        gallery: Bool = true, learn: LearnMetadata = LearnMetadata(), capabilities: Capabilities = Capabilities(),
        service: ServiceFeatures = ServiceFeatures(), prerequisites: [Prerequisite] = [],
        credentials: Credentials = Credentials(), notes: [Note] = [], assignmentTips: [String] = [],
        provisioningScreenshots: [ProvisioningStep: Screenshot] = [:], provisioningFlow: ProvisioningFlow = .newConfiguration,
        includes: [Include] = [], limitations: [String] = [], troubleshooting: [String] = [],
        changeLog: [ChangeLogEntry] = [], resources: [String] = [], users: AttributeTable = AttributeTable(),
        groups: AttributeTable? = nil, extensions: [ExtensionSchema] = [],
        customFieldMappings: CustomFieldMappings? = nil, helpPage: HelpPage? = nil, origin: Origin = Origin()
    ) {
        self.id = id
        self.file = file
        self.name = name
        self.website = website
        self.singleSignOnTutorial = singleSignOnTutorial
        self.gallery = gallery
        self.learn = learn
        self.capabilities = capabilities
        self.service = service
        self.prerequisites = prerequisites
        self.credentials = credentials
        self.notes = notes
        self.assignmentTips = assignmentTips
        self.provisioningScreenshots = provisioningScreenshots
        self.provisioningFlow = provisioningFlow
        self.includes = includes
        self.limitations = limitations
        self.troubleshooting = troubleshooting
        self.changeLog = changeLog
        self.resources = resources
        self.users = users
        self.groups = groups
        self.extensions = extensions
        self.customFieldMappings = customFieldMappings
        self.helpPage = helpPage
        self.origin = origin
    }
}

// MARK: - Identity

/// Microsoft Learn front matter; title and description only when they differ from the defaults.
public struct LearnMetadata: Hashable, Sendable {
    /// The page title, when it is not "Tutorial: Configure <App> for automatic user provisioning with Microsoft Entra ID".
    public var title: String?
    /// The page description, when it is not the default sentence.
    public var description: String?
    /// The GitHub account of the author (`author:`).
    public var author: String?
    /// The writer (`writer:`), when the page names one.
    public var writer: String?
    /// The manager (`manager:`).
    public var manager: String?
    /// `ms.date` as Microsoft Learn writes it: MM/DD/YYYY.
    public var date: String?
    /// `ms.author`.
    public var msAuthor: String?
    /// `ms.assetid`, a GUID.
    public var assetId: String?
    /// The customer intent comment, when it is not the default sentence.
    public var customerIntent: String?

    /// Creates front matter.
    public init(
        title: String? = nil, description: String? = nil, author: String? = nil, writer: String? = nil,
        manager: String? = nil, date: String? = nil, msAuthor: String? = nil, assetId: String? = nil,
        customerIntent: String? = nil
    ) {
        self.title = title
        self.description = description
        self.author = author
        self.writer = writer
        self.manager = manager
        self.date = date
        self.msAuthor = msAuthor
        self.assetId = assetId
        self.customerIntent = customerIntent
    }
}

// MARK: - Capabilities

/// The capabilities checklist of a tutorial.
public struct Capabilities: Hashable, Sendable {
    /// How users leave the application when they no longer need access.
    public enum Deprovisioning: String, Hashable, Sendable, CaseIterable {
        /// Users are removed ("Remove users in <App> when they do not require access anymore").
        case remove
        /// Users are disabled (deactivated) but kept.
        case disable
        /// Users are never deprovisioned.
        case none
    }

    /// Create users in the application.
    public var createUsers: Bool
    /// Keep user attributes synchronized.
    public var updateUsers: Bool
    /// Remove or disable users that no longer need access.
    public var deprovisionUsers: Deprovisioning
    /// Provision groups and group memberships.
    public var groups: Bool
    /// Single sign-on is available (recommended alongside provisioning).
    public var singleSignOn: Bool

    /// Creates capabilities.
    public init(
        createUsers: Bool = true, updateUsers: Bool = true, deprovisionUsers: Deprovisioning = .remove,
        groups: Bool = false, singleSignOn: Bool = false
    ) {
        self.createUsers = createUsers
        self.updateUsers = updateUsers
        self.deprovisionUsers = deprovisionUsers
        self.groups = groups
        self.singleSignOn = singleSignOn
    }
}

/// SCIM service features (RFC 7643 section 5), published as `/ServiceProviderConfig`.
public struct ServiceFeatures: Hashable, Sendable {
    /// The absolute SCIM base URL, when the service has one fixed URL; locations are relative otherwise.
    public var baseURL: String?
    /// PATCH is supported.
    public var patch: Bool
    /// Bulk is supported, with its limits.
    public var bulk: Bulk
    /// Filtering is supported, with the most results one response returns.
    public var filter: Filter
    /// Password changes are supported.
    public var changePassword: Bool
    /// Sorting is supported.
    public var sort: Bool
    /// ETags are supported.
    public var etag: Bool
    /// The authentication schemes, at least one.
    public var authenticationSchemes: [AuthenticationScheme]

    /// Bulk operations and their limits.
    public struct Bulk: Hashable, Sendable {
        /// Whether bulk is supported.
        public var supported: Bool
        /// The most operations in one request.
        public var maxOperations: Int
        /// The largest request payload in bytes.
        public var maxPayloadSize: Int
        /// Creates bulk settings.
        public init(supported: Bool = false, maxOperations: Int = 0, maxPayloadSize: Int = 0) {
            self.supported = supported
            self.maxOperations = maxOperations
            self.maxPayloadSize = maxPayloadSize
        }
    }

    /// Filtering and its result limit.
    public struct Filter: Hashable, Sendable {
        /// Whether filtering is supported.
        public var supported: Bool
        /// The most resources one response returns.
        public var maxResults: Int
        /// Creates filter settings.
        public init(supported: Bool = true, maxResults: Int = 100) {
            self.supported = supported
            self.maxResults = maxResults
        }
    }

    /// Creates service features.
    public init(
        baseURL: String? = nil, patch: Bool = true, bulk: Bulk = Bulk(), filter: Filter = Filter(),
        changePassword: Bool = false, sort: Bool = false, etag: Bool = false,
        authenticationSchemes: [AuthenticationScheme] = [AuthenticationScheme()]
    ) {
        self.baseURL = baseURL
        self.patch = patch
        self.bulk = bulk
        self.filter = filter
        self.changePassword = changePassword
        self.sort = sort
        self.etag = etag
        self.authenticationSchemes = authenticationSchemes
    }
}

/// One authentication scheme of RFC 7643 section 5.
public struct AuthenticationScheme: Hashable, Sendable {
    /// The kinds RFC 7643 names.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case oauth, oauth2, oauthbearertoken, httpbasic, httpdigest
    }

    /// The scheme's type.
    public var type: Kind
    /// Its common name, such as "OAuth Bearer Token".
    public var name: String
    /// A description for administrators.
    public var description: String
    /// The specification's URI; defaults to the RFC of the type.
    public var specUri: String?
    /// The vendor's documentation of the scheme.
    public var documentationUri: String?
    /// Whether this is the preferred scheme.
    public var primary: Bool

    /// Creates a scheme.
    public init(
        type: Kind = .oauthbearertoken, name: String = "OAuth Bearer Token",
        description: String = "Authentication with an OAuth bearer token.", specUri: String? = nil,
        documentationUri: String? = nil, primary: Bool = true
    ) {
        self.type = type
        self.name = name
        self.description = description
        self.specUri = specUri
        self.documentationUri = documentationUri
        self.primary = primary
    }
}

// MARK: - Prose facts

/// A prerequisite on the vendor's side.
public struct Prerequisite: Hashable, Sendable {
    /// What sort of prerequisite it is, for the capability matrix and for diff.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A plan or edition.
        case plan
        /// A licence.
        case license
        /// A role the administrator needs in the vendor's product.
        case role
        /// An account in the vendor's product.
        case account
        /// A token or secret the vendor supplies.
        case token
        /// Someone at the vendor has to switch SCIM on.
        case enablement
        /// Anything else.
        case other
    }

    /// The kind.
    public var kind: Kind
    /// Markdown text of the bullet.
    public var text: String
    /// Where it was written.
    public var origin: Origin

    /// Creates a prerequisite.
    public init(kind: Kind, text: String, origin: Origin = Origin()) {
        self.kind = kind
        self.text = text
        self.origin = origin
    }
}

/// A Microsoft Learn alert block (`> [!NOTE]`) tied to a section of the tutorial.
public struct Note: Hashable, Sendable {
    /// The alert kinds Microsoft Learn renders.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case note, tip, important, caution, warning
    }

    /// The tutorial sections a note can belong to.
    public enum Section: String, Hashable, Sendable, CaseIterable {
        case introduction, capabilities, prerequisites, plan, credentials, gallery, scope, provisioning, monitor
    }

    /// The alert kind.
    public var kind: Kind
    /// The section it is rendered in, at the end of the section.
    public var section: Section
    /// Markdown text.
    public var text: String
    /// Where it was written.
    public var origin: Origin

    /// Creates a note.
    public init(kind: Kind, section: Section, text: String, origin: Origin = Origin()) {
        self.kind = kind
        self.section = section
        self.text = text
        self.origin = origin
    }
}

/// An image in the documentation, relative to the vendor's documentation folder.
public struct Screenshot: Hashable, Sendable {
    /// A relative path that stays inside the vendor's folder.
    public var path: String
    /// Alt text.
    public var alt: String
    /// Where it was written.
    public var origin: Origin

    /// Creates a screenshot.
    public init(path: String, alt: String, origin: Origin = Origin()) {
        self.path = path
        self.alt = alt
        self.origin = origin
    }
}

/// The standard Step 5 steps whose common screenshot a vendor may replace.
public enum ProvisioningStep: String, Hashable, Sendable, CaseIterable, Comparable {
    case enterpriseApplications, allApplications, provisioningTab, provisioningMode, adminCredentials,
        notificationEmail, provisioningStatus, scope, save

    public static func < (lhs: ProvisioningStep, rhs: ProvisioningStep) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How Step 5 of a tutorial starts configuring provisioning in the Entra admin center.
public enum ProvisioningFlow: String, Hashable, Sendable, CaseIterable {
    /// "Set the **Provisioning Mode** to **Automatic**", then the Admin Credentials, the
    /// notification email and **Save**: the flow of tutorials up to 2025.
    case automatic
    /// "Select **+ New configuration**", the Tenant URL and Secret Token, **Create**, then the
    /// properties and **Start provisioning**: the flow of the newest tutorials, and the default.
    case newConfiguration
}

/// A shared section a tutorial takes from an `[!INCLUDE]` file, such as the common prerequisites.
public struct Include: Hashable, Sendable {
    /// The section it stands in; in the prerequisites it replaces the Entra prerequisites, elsewhere
    /// it ends the section.
    public var section: Note.Section
    /// The file, as Microsoft Learn links it: `~/identity/saas-apps/includes/common-prerequisites.md`.
    public var path: String
    /// The link text, when it is not the file name.
    public var name: String?
    /// Where it was written.
    public var origin: Origin

    /// Creates an include.
    public init(section: Note.Section, path: String, name: String? = nil, origin: Origin = Origin()) {
        self.section = section
        self.path = path
        self.name = name
        self.origin = origin
    }

    /// The link text Learn shows: the name, or the file name.
    public var linkText: String { name ?? String(path.split(separator: "/").last ?? Substring(path)) }
}

/// One entry of a tutorial's "Change log".
public struct ChangeLogEntry: Hashable, Sendable {
    /// The date as `MM/DD/YYYY`, when the entry has one.
    public var date: String?
    /// What changed, in Markdown.
    public var text: String
    /// Where it was written.
    public var origin: Origin

    /// Creates an entry.
    public init(date: String? = nil, text: String, origin: Origin = Origin()) {
        self.date = date
        self.text = text
        self.origin = origin
    }
}

// MARK: - Credentials

/// How to obtain the Tenant URL and Secret Token.
public struct Credentials: Hashable, Sendable {
    /// The ordered steps.
    public var steps: [CredentialStep]
    /// Which fields of the vendor's response become Tenant URL and Secret Token (LUSID's `baseUrl`, `apiToken`).
    public var responseFields: ResponseFields?
    /// The tenant URL when it is fixed or follows a pattern such as `https://<tenant>.example.com/scim`.
    public var tenantURL: String?
    /// What the vendor calls the secret token ("Bearer Token"), when it is not "Secret Token".
    public var secretTokenName: String?
    /// Who issues the token, for the help page ("your implementation specialist or the support team").
    public var issuer: String?
    /// What to do when Test Connection fails, such as "ensure your account has Admin permissions and try again".
    public var testConnectionHint: String?
    /// The vendor's own wording of the Admin Credentials step, when it is not "input your Tenant URL
    /// and Secret Token" (an app that signs in with OAuth: "select **Authorize** and sign in").
    public var adminCredentials: String?

    /// The response fields that feed the two Admin Credentials fields.
    public struct ResponseFields: Hashable, Sendable {
        /// The field holding the Tenant URL.
        public var tenantURL: String
        /// The field holding the Secret Token.
        public var secretToken: String
        /// Creates the pair.
        public init(tenantURL: String, secretToken: String) {
            self.tenantURL = tenantURL
            self.secretToken = secretToken
        }
    }

    /// Creates credentials.
    public init(
        steps: [CredentialStep] = [], responseFields: ResponseFields? = nil, tenantURL: String? = nil,
        secretTokenName: String? = nil, issuer: String? = nil, testConnectionHint: String? = nil,
        adminCredentials: String? = nil
    ) {
        self.steps = steps
        self.responseFields = responseFields
        self.tenantURL = tenantURL
        self.secretTokenName = secretTokenName
        self.issuer = issuer
        self.testConnectionHint = testConnectionHint
        self.adminCredentials = adminCredentials
    }
}

/// One step towards the credentials.
public struct CredentialStep: Hashable, Sendable {
    /// Markdown text.
    public var text: String
    /// A code block shown under the text.
    public var code: CodeBlock?
    /// A screenshot shown under the text.
    public var screenshot: Screenshot?
    /// Where it was written.
    public var origin: Origin

    /// Creates a step.
    public init(text: String, code: CodeBlock? = nil, screenshot: Screenshot? = nil, origin: Origin = Origin()) {
        self.text = text
        self.code = code
        self.screenshot = screenshot
        self.origin = origin
    }
}

/// A fenced code block.
public struct CodeBlock: Hashable, Sendable {
    /// The info string, such as `bash`; empty for none.
    public var language: String
    /// The code, without a final newline.
    public var body: String

    /// Creates a code block.
    public init(language: String = "", body: String) {
        self.language = language
        self.body = body
    }
}

// MARK: - Attributes

/// A user or group attribute table, in the order the tutorial shows it.
public struct AttributeTable: Hashable, Sendable {
    /// The mapping's name in the Entra admin center, such as "Provision Microsoft Entra ID Users".
    public var mappingName: String?
    /// Whether synchronizing this object type is optional (LUSID's groups).
    public var optional: Bool
    /// The rows; empty when the tutorial shows the mapping only as screenshots.
    public var attributes: [AttributeMapping]
    /// Screenshots of the mapping in the Entra admin center, shown under the table.
    public var screenshots: [Screenshot]

    /// Creates a table.
    public init(
        mappingName: String? = nil, optional: Bool = false, attributes: [AttributeMapping] = [], screenshots: [Screenshot] = []
    ) {
        self.mappingName = mappingName
        self.optional = optional
        self.attributes = attributes
        self.screenshots = screenshots
    }

    /// Whether any row states whether the vendor requires it: the table then has a "Required by" column.
    public var statesRequired: Bool { attributes.contains { $0.required != nil } }
}

/// One row of an attribute table: a SCIM attribute the vendor takes and where Entra feeds it from.
public struct AttributeMapping: Hashable, Sendable {
    /// The SCIM attribute path as written, such as `emails[type eq "work"].value`.
    public var path: String
    /// The type as the tutorial's table writes it.
    public var type: AttributeType
    /// Whether the vendor supports filtering on it.
    public var filterable: Bool
    /// Whether the vendor requires it; nil when the vendor does not say.
    public var required: Bool?
    /// The matching precedence (1 first); nil when it is not used for matching.
    public var matching: Int?
    /// Where Entra takes the value from; nil for the default of the standard attribute.
    public var source: MappingSource?
    /// The vendor's own field this attribute lands in, such as a Thrive custom field ref.
    public var fieldRef: String?
    /// Where the row was written (its `path` value).
    public var origin: Origin
    /// When Entra writes the attribute (its mapping's `flowType`); nil for the default, `Always`.
    public var flowType: MappingFlowType?
    /// Whether Entra sends values that did not change (its mapping's `flowBehavior`); nil for `FlowWhenChanged`.
    public var flowBehavior: MappingFlowBehavior?
    /// The value Entra sends when the source is empty (its mapping's `defaultValue`).
    public var defaultValue: String?
    /// A note on the row, shown in the table's "Notes" column.
    public var note: String?
    /// Where the row's `source`, `expression` or `constant` string was written, with its escapes,
    /// so that a character of an expression can be located.
    public var sourceOrigin = Origin()

    /// Creates a row.
    public init(
        path: String, type: AttributeType, filterable: Bool = false, required: Bool? = nil, matching: Int? = nil,
        source: MappingSource? = nil, fieldRef: String? = nil, origin: Origin = Origin(),
        flowType: MappingFlowType? = nil, flowBehavior: MappingFlowBehavior? = nil, defaultValue: String? = nil,
        note: String? = nil
    ) {
        self.path = path
        self.type = type
        self.filterable = filterable
        self.required = required
        self.matching = matching
        self.source = source
        self.fieldRef = fieldRef
        self.origin = origin
        self.flowType = flowType
        self.flowBehavior = flowBehavior
        self.defaultValue = defaultValue
        self.note = note
    }
}

/// The types an attribute table row can have, as Entra's tables write them.
public enum AttributeType: String, Hashable, Sendable, CaseIterable {
    case string = "String", boolean = "Boolean", reference = "Reference", integer = "Integer",
        dateTime = "DateTime", binary = "Binary", decimal = "Decimal"
}

/// What feeds a target attribute in Entra.
public enum MappingSource: Hashable, Sendable {
    /// An Entra attribute, such as `userPrincipalName`.
    case attribute(String)
    /// An expression, such as `Switch([IsSoftDeleted], , "False", "True", "True", "False")`.
    case expression(String)
    /// A constant value.
    case constant(String)
}

/// When Entra writes a mapped attribute, as Microsoft Graph's `attributeMapping.flowType` names it.
public enum MappingFlowType: String, Hashable, Sendable, CaseIterable {
    /// On every create and update (the default).
    case always = "Always"
    /// Only when Entra creates the object, such as a one-time initial value.
    case objectAddOnly = "ObjectAddOnly"
    /// Only values added to a multi-valued attribute.
    case multiValueAddOnly = "MultiValueAddOnly"
    /// Only when the target has no value yet.
    case valueAddOnly = "ValueAddOnly"
    /// Only when the target object lacks the attribute.
    case attributeAddOnly = "AttributeAddOnly"
}

/// Whether Entra sends a mapped value that did not change, as Microsoft Graph's `attributeMapping.flowBehavior` names it.
public enum MappingFlowBehavior: String, Hashable, Sendable, CaseIterable {
    /// Only changed values (the default).
    case flowWhenChanged = "FlowWhenChanged"
    /// Every value on every cycle.
    case flowAlways = "FlowAlways"
}

// MARK: - Extensions and custom fields

/// A vendor extension schema with its declared attributes.
public struct ExtensionSchema: Hashable, Sendable {
    /// The schema URN.
    public var id: String
    /// A short name, such as "LucidUser".
    public var name: String
    /// A description.
    public var description: String
    /// Whether every user must carry it (ResourceType `schemaExtensions[].required`).
    public var required: Bool
    /// The attributes.
    public var attributes: [ExtensionAttribute]
    /// Where it was written.
    public var origin: Origin

    /// Creates an extension schema.
    public init(
        id: String, name: String, description: String = "", required: Bool = false,
        attributes: [ExtensionAttribute] = [], origin: Origin = Origin()
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.required = required
        self.attributes = attributes
        self.origin = origin
    }
}

/// An attribute of a vendor extension schema, with its RFC 7643 characteristics.
public struct ExtensionAttribute: Hashable, Sendable {
    /// The types an extension attribute can have (RFC 7643 section 2.3).
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case string = "String", boolean = "Boolean", decimal = "Decimal", integer = "Integer",
            dateTime = "DateTime", binary = "Binary", reference = "Reference", complex = "Complex"
    }

    /// RFC 7643 mutability.
    public enum Mutability: String, Hashable, Sendable, CaseIterable {
        case readOnly, readWrite, immutable, writeOnly
    }

    /// The attribute name.
    public var name: String
    /// Its type.
    public var type: Kind
    /// Whether it is multi-valued.
    public var multiValued: Bool
    /// Whether it is required.
    public var required: Bool
    /// Whether values are case-sensitive.
    public var caseExact: Bool
    /// Its mutability.
    public var mutability: Mutability
    /// A description.
    public var description: String
    /// Canonical values, if any.
    public var canonicalValues: [String]
    /// Reference types, for references.
    public var referenceTypes: [String]
    /// Sub-attributes, for complex attributes.
    public var subAttributes: [ExtensionAttribute]
    /// Where it was written.
    public var origin: Origin

    /// Creates an extension attribute.
    public init(
        name: String, type: Kind, multiValued: Bool = false, required: Bool = false, caseExact: Bool = false,
        mutability: Mutability = .readWrite, description: String = "", canonicalValues: [String] = [],
        referenceTypes: [String] = [], subAttributes: [ExtensionAttribute] = [], origin: Origin = Origin()
    ) {
        self.name = name
        self.type = type
        self.multiValued = multiValued
        self.required = required
        self.caseExact = caseExact
        self.mutability = mutability
        self.description = description
        self.canonicalValues = canonicalValues
        self.referenceTypes = referenceTypes
        self.subAttributes = subAttributes
        self.origin = origin
    }
}

/// Custom field mappings a vendor sets up on request (Thrive's "Additional custom field mappings").
public struct CustomFieldMappings: Hashable, Sendable {
    /// One attribute that may be mapped and the vendor field it lands in.
    public struct Allowed: Hashable, Sendable {
        /// The attribute path, such as the enterprise `employeeNumber`.
        public var path: String
        /// The vendor's field ref.
        public var fieldRef: String?
        /// Where it was written.
        public var origin: Origin
        /// Creates an entry.
        public init(path: String, fieldRef: String? = nil, origin: Origin = Origin()) {
            self.path = path
            self.fieldRef = fieldRef
            self.origin = origin
        }
    }

    /// The extension attributes that may be mapped; the only ones.
    public var allowedAttributes: [Allowed]
    /// How field refs are formed, such as "This is always the lowercase value of the field name."
    public var fieldRefRule: String?
    /// Where new custom fields are created in the vendor's product, such as "**Configure** > **Profiles**".
    public var newFieldsLocation: String?
    /// How to ask for a mapping, such as "log a ticket with our support team via our Support Portal".
    public var requestChannel: String?
    /// Other identity providers the vendor documents besides Entra.
    public var otherIdentityProviders: [String]

    /// Creates custom field mappings.
    public init(
        allowedAttributes: [Allowed] = [], fieldRefRule: String? = nil, newFieldsLocation: String? = nil,
        requestChannel: String? = nil, otherIdentityProviders: [String] = []
    ) {
        self.allowedAttributes = allowedAttributes
        self.fieldRefRule = fieldRefRule
        self.newFieldsLocation = newFieldsLocation
        self.requestChannel = requestChannel
        self.otherIdentityProviders = otherIdentityProviders
    }
}

/// The vendor's own "SCIM Provisioning" help page.
public struct HelpPage: Hashable, Sendable {
    /// The page title.
    public var title: String
    /// The product name the page uses ("Thrive" rather than "Thrive LXP"); the display name when nil.
    public var productName: String?
    /// Where user data is pushed from, such as "your Identity Provider (IdP) or HR system".
    public var sources: String?

    /// Creates a help page.
    public init(title: String = "SCIM Provisioning", productName: String? = nil, sources: String? = nil) {
        self.title = title
        self.productName = productName
        self.sources = sources
    }
}
