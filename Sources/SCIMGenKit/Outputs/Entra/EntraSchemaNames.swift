/// The directory and object names of a non-gallery SCIM app's synchronization schema in Microsoft Entra.
///
/// The vendor's mapping file is written with the first name of each list; the merge reads the
/// names from the administrator's downloaded schema and accepts any name of the list, because
/// older exports and gallery templates spell them differently. A target directory other than
/// `customappsso` is accepted when its objects carry SCIM URNs, as gallery SCIM apps' do.
public enum EntraSchemaNames {
    /// The target directory of a non-gallery SCIM app.
    public static let targetDirectory = "customappsso"
    /// The names of the Entra source directory: the current one first, then the one older exports use.
    public static let sourceDirectories = ["Microsoft Entra ID", "Azure Active Directory"]
    /// The user object in the source directory.
    public static let sourceUser = "User"
    /// The group object in the source directory.
    public static let sourceGroup = "Group"
    /// The names a user object can have in the target directory; a new non-gallery app uses the first.
    public static let targetUsers = [SCIMURN.enterpriseUser, SCIMURN.user, "User"]
    /// The names a group object can have in the target directory; a new non-gallery app uses the first.
    public static let targetGroups = [SCIMURN.group, "Group"]
    /// The object names that mark a SCIM app's target whatever its directory is called, as gallery
    /// SCIM apps (`AWSSingleSignon`) name their objects.
    public static let scimObjects = [SCIMURN.user, SCIMURN.enterpriseUser, SCIMURN.group]

    /// Whether an attribute name is one only SCIM apps use: a SCIM schema URN
    /// (`urn:ietf:params:scim:schemas:…`) or an attribute path with a value filter (`[type eq "work"]`).
    public static func isSCIMAttributeName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasPrefix("urn:ietf:params:scim:schemas:") || (lowered.contains("[") && lowered.contains(" eq "))
    }
}
