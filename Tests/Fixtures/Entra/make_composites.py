#!/usr/bin/env python3
"""Builds the composite tenant schemas in Tests/Fixtures/Entra/composite/ from Microsoft's samples.

Usage: python3 Tests/Fixtures/Entra/make_composites.py   (from the repository root; stdlib only)

Every composite starts from the same base, assembled from the Graph documentation's samples in
samples/ (see README.md there):

- the source directory is the Salesforce template's "Azure Active Directory" directory, every
  object as Microsoft wrote it, with two attributes the 2019 sample lacks and today's tenants have:
  User.employeeId and Group.displayName;
- the target directory is "Update synchronizationSchema" Example 2's `customappsso` directory (its
  id, its object `User` and its custom extension attribute), completed with the attribute
  definitions of a new non-gallery SCIM app and a SCIM Group object;
- the rule is the AWS template's USERGROUP_OUTBOUND_USERGROUP (its id, metadata and group object
  mapping with `members`) aimed at `customappsso`, holding a user object mapping with a new
  non-gallery app's default mappings (Function sources with their parsed parameter trees, as
  Graph exports them), then the Salesforce template's three object mappings whose
  `sourceObjectName` is empty and whose `name` is null, exactly as Microsoft wrote them;
- the Salesforce template's inbound PROFILE_INBOUND_APPROLE rule follows, untouched, although its
  directory `salesforce.com` is not in the composite: a merge must leave it as it is.

Each composite then changes one thing (see CASES). `scim-as-sampled.json` keeps the samples as they
are instead: no User.employeeId, no Group.displayName, and the AWS group mapping with only
`members`. The output is deterministic: run it again and git shows no change.
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "samples")
OUT = os.path.join(HERE, "composite")

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User"


def sample(name):
    with open(os.path.join(SAMPLES, name), encoding="utf-8") as handle:
        return json.load(handle)


def definition(name, type_="String", required=False, anchor=False, multivalued=False, references=()):
    """An attributeDefinition in the key order of Example 2."""
    return {
        "anchor": anchor,
        "caseExact": False,
        "defaultValue": None,
        "flowNullValues": False,
        "multivalued": multivalued,
        "mutability": "ReadWrite",
        "name": name,
        "required": required,
        "type": type_,
        "apiExpressions": [],
        "metadata": [],
        "referencedObjects": [{"referencedObjectName": ref, "referencedProperty": None} for ref in references],
    }


def attribute(name):
    return {"expression": f"[{name}]", "name": name, "parameters": [], "type": "Attribute"}


def constant(value):
    return {"expression": json.dumps(value), "name": value, "parameters": [], "type": "Constant"}


def function(expression, name, parameters):
    return {
        "expression": expression,
        "name": name,
        "parameters": [{"key": key, "value": value} for key, value in parameters],
        "type": "Function",
    }


SWITCH_ACTIVE = function(
    'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
    "Switch",
    [
        ("source", attribute("IsSoftDeleted")),
        ("switchValue", constant("False")),
        ("switchValue", constant("True")),
        ("switchValue", constant("True")),
        ("switchValue", constant("False")),
    ],
)
NOT_SOFT_DELETED = function("Not([IsSoftDeleted])", "Not", [("source", attribute("IsSoftDeleted"))])
JOIN_NAME = function(
    'Join(" ", [givenName], [surname])',
    "Join",
    [("separator", constant(" ")), ("source", attribute("givenName")), ("source", attribute("surname"))],
)


def mapping(target, source, priority=0, flow_type="Always", default=None):
    """An attributeMapping in the key order of the samples."""
    return {
        "defaultValue": default,
        "exportMissingReferences": False,
        "flowBehavior": "FlowWhenChanged",
        "flowType": flow_type,
        "matchingPriority": priority,
        "source": source,
        "targetAttributeName": target,
    }


USER_TARGETS = [
    ("id", dict(anchor=True)),
    ("userName", dict(required=True)),
    ("active", dict(type_="Boolean")),
    ("displayName", {}),
    ("title", {}),
    ('emails[type eq "work"].value', {}),
    ("preferredLanguage", {}),
    ("name.givenName", {}),
    ("name.familyName", {}),
    ("name.formatted", {}),
    ('addresses[type eq "work"].formatted', {}),
    ('addresses[type eq "work"].streetAddress', {}),
    ('addresses[type eq "work"].locality', {}),
    ('addresses[type eq "work"].region', {}),
    ('addresses[type eq "work"].postalCode', {}),
    ('addresses[type eq "work"].country', {}),
    ('phoneNumbers[type eq "work"].value', {}),
    ('phoneNumbers[type eq "mobile"].value', {}),
    ('phoneNumbers[type eq "fax"].value', {}),
    ("externalId", {}),
    (f"{ENTERPRISE}:employeeNumber", {}),
    (f"{ENTERPRISE}:department", {}),
    (f"{ENTERPRISE}:manager", dict(type_="Reference", references=("User",))),
]

USER_MAPPINGS = [
    mapping("userName", attribute("userPrincipalName"), priority=1),
    mapping("active", SWITCH_ACTIVE),
    mapping("displayName", attribute("displayName")),
    mapping("title", attribute("jobTitle")),
    mapping('emails[type eq "work"].value', attribute("mail")),
    mapping("preferredLanguage", attribute("preferredLanguage")),
    mapping("name.givenName", attribute("givenName")),
    mapping("name.familyName", attribute("surname")),
    mapping("name.formatted", JOIN_NAME),
    mapping('addresses[type eq "work"].formatted', attribute("physicalDeliveryOfficeName")),
    mapping('addresses[type eq "work"].streetAddress', attribute("streetAddress")),
    mapping('addresses[type eq "work"].locality', attribute("city")),
    mapping('addresses[type eq "work"].region', attribute("state")),
    mapping('addresses[type eq "work"].postalCode', attribute("postalCode")),
    mapping('addresses[type eq "work"].country', attribute("country")),
    mapping('phoneNumbers[type eq "work"].value', attribute("telephoneNumber")),
    mapping('phoneNumbers[type eq "mobile"].value', attribute("mobile")),
    mapping('phoneNumbers[type eq "fax"].value', attribute("facsimileTelephoneNumber")),
    mapping("externalId", attribute("mailNickname")),
    mapping(f"{ENTERPRISE}:employeeNumber", attribute("employeeId")),
    mapping(f"{ENTERPRISE}:department", attribute("department")),
    mapping(f"{ENTERPRISE}:manager", attribute("manager")),
]


def base(as_sampled=False):
    salesforce = sample("graphdocs-salesforce-template-schema.json")
    aws = sample("graphdocs-aws-template-schema.json")
    example2 = sample("graphdocs-update-example2-customappsso.json")

    source = copy.deepcopy(salesforce["directories"][0])
    objects = {obj["name"]: obj for obj in source["objects"]}
    template = objects["User"]["attributes"][1]  # IsSoftDeleted, for the key order of the sample
    if not as_sampled:
        objects["User"]["attributes"].append(dict(template, name="employeeId", type="String"))
        objects["Group"]["attributes"].append(dict(template, name="displayName", type="String"))

    target = copy.deepcopy(example2["directories"][0])
    user = target["objects"][0]
    custom = user["attributes"]
    user["attributes"] = [definition(name, **options) for name, options in USER_TARGETS] + custom
    group = {
        "name": GROUP,
        "attributes": [
            definition("id", anchor=True),
            definition("displayName", required=True),
            definition("externalId"),
            definition("members", type_="Reference", multivalued=True, references=("User", GROUP)),
        ],
    }
    target["objects"].append(group)

    rule = copy.deepcopy(aws["synchronizationRules"][0])
    rule["targetDirectoryName"] = "customappsso"
    group_mapping = rule["objectMappings"][0]
    if not as_sampled:
        group_mapping["attributeMappings"] = [
            mapping("displayName", attribute("displayName"), priority=1),
            mapping("externalId", attribute("objectId")),
        ] + group_mapping["attributeMappings"]
    user_mapping = copy.deepcopy(aws["synchronizationRules"][0]["objectMappings"][0])
    user_mapping["name"] = "Provision Azure Active Directory Users"
    user_mapping["sourceObjectName"] = "User"
    user_mapping["targetObjectName"] = "User"
    user_mapping["attributeMappings"] = copy.deepcopy(USER_MAPPINGS)
    for item in user_mapping["metadata"]:
        if item["key"] == "OriginalJoiningProperty":
            item["value"] = "userName"
    untouched = [copy.deepcopy(m) for m in salesforce["synchronizationRules"][0]["objectMappings"] if m["sourceObjectName"] == ""]
    rule["objectMappings"] = [user_mapping, group_mapping] + untouched

    return {
        "directories": [source, target],
        "id": "scim.00000000000000000000000000000000",
        "synchronizationRules": [rule, copy.deepcopy(salesforce["synchronizationRules"][1])],
        "version": salesforce["version"],
    }


def users(schema):
    return schema["synchronizationRules"][0]["objectMappings"][0]


def groups(schema):
    return schema["synchronizationRules"][0]["objectMappings"][1]


def user_object(schema):
    return schema["directories"][1]["objects"][0]


def find(mapping_, target):
    return next(m for m in mapping_["attributeMappings"] if m["targetAttributeName"] == target)


def match_external_id(schema):
    """Users match on externalId <- [objectId] at precedence 1, as Zscaler's guide sets it up."""
    find(users(schema), "userName")["matchingPriority"] = 0
    external = find(users(schema), "externalId")
    external["source"] = attribute("objectId")
    external["matchingPriority"] = 1


def conflicts(schema):
    """The tenant's own sources and flow settings where vendors state others."""
    find(users(schema), "title")["source"] = attribute("department")
    find(users(schema), "active")["source"] = NOT_SOFT_DELETED
    find(users(schema), "externalId")["source"] = attribute("objectId")
    find(users(schema), "displayName")["flowType"] = "ObjectAddOnly"
    find(groups(schema), "externalId")["source"] = attribute("mailNickname")
    schema["directories"][0]["objects"][5]["attributes"].append(
        dict(schema["directories"][0]["objects"][0]["attributes"][1], name="mailNickname", type="String")
    )


def groups_disabled(schema):
    """Group provisioning switched off, as a new app may have it."""
    groups(schema)["enabled"] = False


def two_first(schema):
    """Two attributes at matching precedence 1: a broken tenant the merge must not bless."""
    external = find(users(schema), "externalId")
    external["source"] = attribute("objectId")
    external["matchingPriority"] = 1


def gallery(schema):
    """A gallery SCIM app: its own directory name, objects named by SCIM URN."""
    schema["directories"][1]["name"] = "AWSSingleSignon"
    schema["synchronizationRules"][0]["targetDirectoryName"] = "AWSSingleSignon"
    user_object(schema)["name"] = CORE_USER
    users(schema)["targetObjectName"] = CORE_USER
    for definition_ in user_object(schema)["attributes"] + schema["directories"][1]["objects"][1]["attributes"]:
        for reference in definition_["referencedObjects"]:
            if reference["referencedObjectName"] == "User":
                reference["referencedObjectName"] = CORE_USER


def gallery_plain_user(schema):
    """A gallery SCIM app whose user object is plain `User`: only its attribute names mark it as SCIM."""
    schema["directories"][1]["name"] = "ContosoSCIM"
    schema["synchronizationRules"][0]["targetDirectoryName"] = "ContosoSCIM"


def groups_own_rule(schema):
    """Groups in a rule of their own, from Entra to the same directory."""
    rule = schema["synchronizationRules"][0]
    group_rule = copy.deepcopy(rule)
    group_rule["id"] = "13f7d90d-bf71-41b1-bda6-aaf0ddbee5d9"
    group_rule["name"] = "GROUP_OUTBOUND_GROUP"
    group_rule["priority"] = 2
    group_rule["objectMappings"] = [m for m in rule["objectMappings"] if m["sourceObjectName"] == "Group"]
    rule["objectMappings"] = [m for m in rule["objectMappings"] if m["sourceObjectName"] != "Group"]
    schema["synchronizationRules"].insert(1, group_rule)


def definitions(schema):
    """The tenant's definitions differ from what vendors state: types, and a vendor's own attribute."""
    attributes = user_object(schema)["attributes"]
    next(a for a in attributes if a["name"] == "active")["type"] = "String"
    next(a for a in attributes if a["name"] == 'emails[type eq "work"].value')["required"] = False
    attributes.append(definition("urn:ietf:params:scim:schemas:extension:lucid:2.0:User:billingCode", type_="Integer"))


def no_groups(schema):
    """Users only: the rule has no object mapping from Group."""
    rule = schema["synchronizationRules"][0]
    rule["objectMappings"] = [m for m in rule["objectMappings"] if m["sourceObjectName"] != "Group"]


CASES = {
    "scim-defaults.json": None,
    "scim-as-sampled.json": "as sampled",
    "scim-match-externalid.json": match_external_id,
    "scim-conflicts.json": conflicts,
    "scim-groups-disabled.json": groups_disabled,
    "scim-two-at-first.json": two_first,
    "scim-gallery.json": gallery,
    "scim-gallery-plain-user.json": gallery_plain_user,
    "scim-groups-own-rule.json": groups_own_rule,
    "scim-definitions.json": definitions,
    "scim-no-groups.json": no_groups,
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, change in CASES.items():
        schema = base(as_sampled=change == "as sampled")
        if callable(change):
            change(schema)
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as handle:
            json.dump(schema, handle, indent=2, ensure_ascii=False)
            handle.write("\n")


if __name__ == "__main__":
    main()
