using ErpConnectors.Sandbox.Weavy.Http;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// POST v1/Data/{projectCode}/Tasks ["code", ...] → 200 the tasks actually created, [{"taskCode","taskId","status"}]
/// (shape chosen; see <see cref="Tasks.TaskQueue"/>). A code that is not a non-blank string is 400, nothing queued.
/// </summary>
internal static class TaskEndpoints
{
    public static void Map(WeavyRoutes routes, WeavySandbox weavy) =>
        routes.Map(HttpMethods.Post, WeavyRoutes.Tasks, async context =>
        {
            var body = await WeavyBody.ReadArrayAsync(context).ConfigureAwait(false);
            var created = weavy.TaskQueue.Create(WeavyBody.NonBlankStrings(body.EnumerateArray(), "body", "a task code"));
            return WeavyJson.Answer(created.Select(t => new { taskCode = t.TaskCode, taskId = t.TaskId, status = t.Status }).ToList());
        });
}
