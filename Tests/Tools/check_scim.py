"""Loads SCIM discovery documents with scim2-models, a SCIM library nobody here wrote.

Usage: check_scim.py FILE...
Each file is validated with the model its name implies: Schemas.json and ResourceTypes.json as a
ListResponse of Schema or ResourceType, Schemas/*.json as Schema, ResourceTypes/*.json as
ResourceType, ServiceProviderConfig.json as ServiceProviderConfig. Prints 'FILE<TAB>ok' or
'FILE<TAB>invalid<TAB>reason'. Before that, a negative control (a schema attribute of type
'strnig') must be rejected, so that a checker that accepts everything cannot pass.
"""
import copy
import json
import sys

from scim2_models import Context, ListResponse, ResourceType, Schema, ServiceProviderConfig

CONTEXT = Context.RESOURCE_QUERY_RESPONSE


def model_for(path):
    if path.endswith("/Schemas.json"):
        return ListResponse[Schema]
    if path.endswith("/ResourceTypes.json"):
        return ListResponse[ResourceType]
    if path.endswith("/ServiceProviderConfig.json"):
        return ServiceProviderConfig
    if "/Schemas/" in path:
        return Schema
    if "/ResourceTypes/" in path:
        return ResourceType
    raise ValueError(f"no model for {path}")


def main():
    files = sys.argv[1:]
    control_done = False
    for path in files:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        model = model_for(path)
        try:
            model.model_validate(document, scim_ctx=CONTEXT)
            print(f"{path}\tok")
        except Exception as error:  # noqa: BLE001 - any rejection is a finding
            print(f"{path}\tinvalid\t{str(error).splitlines()[0]}")
        if not control_done and model is Schema and document.get("attributes"):
            broken = copy.deepcopy(document)
            broken["attributes"][0]["type"] = "strnig"
            try:
                Schema.model_validate(broken, scim_ctx=CONTEXT)
            except Exception:  # noqa: BLE001
                control_done = True
            else:
                print("negative control accepted: the checker checks nothing", file=sys.stderr)
                return 2
    if not control_done:
        print("no schema document to run the negative control on", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
