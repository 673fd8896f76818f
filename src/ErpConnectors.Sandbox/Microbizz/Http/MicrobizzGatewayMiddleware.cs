using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Microbizz.Data;

namespace ErpConnectors.Sandbox.Microbizz.Http;

/// <summary>
/// What stands in front of every Microbizz route, in order: the object name (unknown = 404), the method (one
/// the object table does not allow = 405 with Allow), then the access token (login passes). Chosen: 404 and 405
/// come before the token, as a router in front of the PHP handlers would answer them; a request with no token
/// for a known object and method is 401. Also turns MicrobizzApiException into the error body.
/// </summary>
internal sealed class MicrobizzGatewayMiddleware(RequestDelegate next, MicrobizzSandbox microbizz)
{
    public const string TokenName = "access_token";

    public Task InvokeAsync(HttpContext context) => ErrorBoundary.RunAsync<MicrobizzApiException>(
        context,
        () => GuardAsync(context),
        error => MicrobizzErrors.WriteAsync(context, error),
        bug => new MicrobizzApiException(500, $"Sandbox error: {bug}"));

    private async Task GuardAsync(HttpContext context)
    {
        var token = TakeToken(context);
        var name = context.Request.RouteValues["object"] as string;
        if (context.GetEndpoint() is null || MicrobizzObjects.Find(name) is not { } definition)
        {
            throw MicrobizzErrors.NotFound(name is null
                ? $"No route matches '{context.Request.Path}': objects live at api.php/OBJECT_NAME[/OBJECT_ID]."
                : $"No object '{name}' (objects: {string.Join(", ", MicrobizzObjects.All.Select(o => o.Name))}).");
        }

        if (!definition.Allows(context.Request.Method))
        {
            throw MicrobizzErrors.MethodNotAllowed(context.Request.Method, definition.Name, definition.Methods);
        }

        if (definition.Kind != ObjectKind.Login)
        {
            if (token is null)
            {
                throw MicrobizzErrors.Unauthorized("No access token: send the access_token cookie (or query parameter) from POST login.");
            }

            if (!microbizz.Tokens.TryUse(token))
            {
                throw MicrobizzErrors.Unauthorized("The access token is unknown or has expired: log in again (POST login).");
            }
        }

        context.Items[MicrobizzRequest.Item] = new MicrobizzRequest(definition, context.Request.RouteValues["id"] as string);
        await next(context).ConfigureAwait(false);
    }

    /// <summary>
    /// The token from the cookie or the query, counting which carried it. Chosen: when both are sent the cookie
    /// wins (the document names it first); an empty value counts as none.
    /// </summary>
    private string? TakeToken(HttpContext context)
    {
        var cookie = context.Request.Cookies[TokenName];
        var query = context.Request.Query[TokenName].ToString();
        if (!string.IsNullOrEmpty(cookie))
        {
            microbizz.CountTokenInCookie();
        }

        if (!string.IsNullOrEmpty(query))
        {
            microbizz.CountTokenInQuery();
        }

        return !string.IsNullOrEmpty(cookie) ? cookie : !string.IsNullOrEmpty(query) ? query : null;
    }
}
