using System.Globalization;
using System.Text.Json;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Accounts;

/// <summary>
/// One entry of the Users body, {"login","name","email","status"}. Chosen: login is required; status is one of
/// <see cref="AccountStatuses"/> (ignoring case; 400 otherwise) and defaults to Active for a new account; other
/// properties are ignored (ASP.NET binding); texts are limited to the baseuser fields' lengths.
/// </summary>
internal sealed record AccountRequest(string Login, string? Name, string? Email, string? Status, string Where)
{
    public static AccountRequest Read(JsonElement element, string where)
    {
        WeavyBody.ExpectObject(element, where);
        var login = Text(element.RequiredString("login", where), "login", where)!;
        var name = Text(element.OptionalString("name", where), "name", where);
        var email = Text(element.OptionalString("email", where), "email", where);
        var requested = element.OptionalString("status", where);
        var status = requested is null ? null : AccountStatuses.Canonical(requested)
            ?? throw WeavyErrors.InvalidValue(WeavyBody.Path(where, "status"), $"the status is one of {string.Join(", ", AccountStatuses.All)}, not \"{requested}\"");
        return new AccountRequest(login, name, email, status, where);
    }

    private static string? Text(string? value, string field, string where)
    {
        var length = WeavyDictionary.BaseUserEntity.Find(field)!.Length!.Value;
        return value is null || value.Length <= length
            ? value
            : throw WeavyErrors.InvalidValue(WeavyBody.Path(where, field), string.Create(CultureInfo.InvariantCulture, $"at most {length} characters"));
    }
}
