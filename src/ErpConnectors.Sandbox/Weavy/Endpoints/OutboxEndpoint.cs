using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Outbox;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// POST v1/data/{projectCode}/outbox/report/?eventActionCode=... (the document's route, trailing slash optional)
/// → 202 Accepted with no body (chosen: the report is generated and sent later, the document shows no
/// answer); the request is kept in <see cref="WeavySandbox.OutboxReports"/>. See <see cref="OutboxReportReader"/>.
/// </summary>
internal static class OutboxEndpoint
{
    public static void Map(WeavyRoutes routes, WeavySandbox weavy) =>
        routes.Map(HttpMethods.Post, WeavyRoutes.OutboxReport, async context =>
        {
            var body = await WeavyBody.ReadAsync(context).ConfigureAwait(false);
            weavy.Outbox.Add(OutboxReportReader.Read(context, body, weavy.Database, weavy.Time.GetUtcNow()));
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
}
