using ErpConnectors.Sandbox.Weavy.Data;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;
using ErpConnectors.Sandbox.Weavy.Writes;

namespace ErpConnectors.Sandbox.Weavy.Accounts;

/// <summary>
/// The Users route's rules, applied in request order in one transaction. Accounts are baseuser records,
/// matched on login ignoring case (chosen); a new one gets its login as code. From the document: missing
/// accounts are created; an existing account only changes status (its name and e-mail in the request are
/// ignored); with no licence left, an account asked to be Active becomes Disabled; moving an account off
/// Active frees its licence for the accounts after it in the same call.
/// </summary>
internal static class AccountWriter
{
    private static readonly EntityDefinition BaseUser = WeavyDictionary.BaseUserEntity;

    public static List<WeavyUserAccount> Apply(Changeset changes, IReadOnlyList<AccountRequest> requests, int licences)
    {
        var results = new List<WeavyUserAccount>(requests.Count);
        foreach (var request in requests)
        {
            var existing = changes.Records(BaseUser).FirstOrDefault(r => !r.Deleted && string.Equals((string?)r["login"], request.Login, StringComparison.OrdinalIgnoreCase));
            var wanted = request.Status ?? (existing is null ? AccountStatuses.Active : (string?)existing["status"]);
            if (wanted == AccountStatuses.Active && existing?["status"] as string != AccountStatuses.Active && ActiveCount(changes) >= licences)
            {
                wanted = AccountStatuses.Disabled;
            }

            WeavyRecord record;
            if (existing is null)
            {
                // The new account's code is its login: a record already holding that code with another login is a conflict.
                if (changes.FindVisible(BaseUser, request.Login) is { } taken)
                {
                    throw WeavyErrors.AlreadyExists(BaseUser.Name, taken.Code, WeavyBody.Path(request.Where, "login"));
                }

                var values = new Dictionary<string, object?>
                {
                    ["login"] = request.Login,
                    ["name"] = request.Name,
                    ["email"] = request.Email,
                    ["status"] = wanted,
                };
                record = changes.Upsert(RowInput.Of(BaseUser, request.Login, values), request.Where).Record;
            }
            else
            {
                record = changes.Update(BaseUser, existing.Code, new Dictionary<string, object?> { ["status"] = wanted }).Record;
            }

            results.Add(ToAccount(record));
        }

        return results;
    }

    public static int ActiveCount(Changeset changes) =>
        changes.Records(BaseUser).Count(r => !r.Deleted && (string?)r["status"] == AccountStatuses.Active);

    public static WeavyUserAccount ToAccount(WeavyRecord record) =>
        new((string)record["login"]!, (string?)record["name"], (string?)record["email"], (string?)record["status"] ?? AccountStatuses.Disabled);
}
