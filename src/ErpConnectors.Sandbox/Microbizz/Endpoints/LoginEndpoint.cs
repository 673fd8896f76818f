using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Microbizz.Data;
using ErpConnectors.Sandbox.Microbizz.Http;

namespace ErpConnectors.Sandbox.Microbizz.Endpoints;

/// <summary>
/// POST login {"username","password"} → 200 {"access_token","user":{user object}} (the contract's choice; the
/// document only says a login object exists). Chosen: a missing or non-string field is 400; a wrong user or
/// password is 401 without saying which; the user name matches ignoring case, the password exactly. No
/// Set-Cookie: the client sets the access_token cookie itself from the answer.
/// </summary>
internal static class LoginEndpoint
{
    public static async Task<IResult> LoginAsync(HttpContext context, MicrobizzSandbox microbizz, MicrobizzRequest request)
    {
        microbizz.CountLoginRequest();
        ObjectEndpoint.RefuseId(request);
        var body = await ObjectEndpoint.ReadBodyAsync(context).ConfigureAwait(false);
        var userName = Required(body, "username");
        var password = Required(body, "password");
        if (!string.Equals(userName, SandboxCredentials.MicrobizzUserName, StringComparison.OrdinalIgnoreCase)
            || !Secrets.Same(SandboxCredentials.MicrobizzPassword, password))
        {
            throw MicrobizzErrors.Unauthorized("Wrong user name or password.");
        }

        var token = microbizz.Tokens.Issue();
        var user = microbizz.Database.Table(MicrobizzObjects.User).Find(MicrobizzSeed.CurrentUserId)!;
        return ExactJson.Answer(new Dictionary<string, object?> { ["access_token"] = token, ["user"] = user });
    }

    private static string Required(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw MicrobizzErrors.BadRequest($"login needs \"{name}\" (a string).");
}
