using ErpConnectors.Sandbox.Jiwa.Http;
using ErpConnectors.Sandbox.Jiwa.Sales;

namespace ErpConnectors.Sandbox.Jiwa.Endpoints;

/// <summary>
/// The routes of sales orders (/SalesOrders) and, by the same code, sales quotes (/SalesQuotes):
/// POST (201 + the document), GET and PATCH /{id} (200 + the document), GET /{id}/Notes (a JSON array of the
/// notes, or 204 when there are none), POST /{id}/Notes (201 + the note), Save and Abandon. All of them honour
/// the jiwa-stateful header.
/// </summary>
internal static class SalesDocumentEndpoints
{
    public static void Map(JiwaRoutes routes, JiwaSandbox jiwa, SalesDocumentShape shape)
    {
        SalesBook Book() => jiwa.Records.Book(shape);
        SalesDocumentWriter Writer() => Book().Writer;
        var path = "/" + shape.Route;

        routes.Map(HttpMethods.Post, path, async context =>
        {
            var document = Writer().Create(await JiwaBody.ReadAsync(context).ConfigureAwait(false));
            return JiwaJson.Created(shape.ToWire(Book().Records.Create(JiwaRequest.Call(context), document)));
        });
        routes.Get(path + "/{id}", context => JiwaJson.Ok(shape.ToWire(Book().Records.Read(JiwaRequest.Call(context), JiwaRequest.Id(context)))));
        routes.Map(HttpMethods.Patch, path + "/{id}", async context =>
        {
            var change = Writer().Patch(await JiwaBody.ReadAsync(context).ConfigureAwait(false));
            return JiwaJson.Ok(shape.ToWire(Book().Records.Change(JiwaRequest.Call(context), JiwaRequest.Id(context), change)));
        });
        routes.Get(path + "/{id}/Notes", context =>
        {
            var notes = Book().Records.Read(JiwaRequest.Call(context), JiwaRequest.Id(context)).Notes;
            return notes.Count == 0 ? Results.NoContent() : JiwaJson.Ok(notes);
        });
        routes.Map(HttpMethods.Post, path + "/{id}/Notes", async context =>
        {
            var note = Writer().Note(await JiwaBody.ReadAsync(context).ConfigureAwait(false));
            Book().Records.Change(JiwaRequest.Call(context), JiwaRequest.Id(context), d => d with { Notes = [.. d.Notes, note] });
            return JiwaJson.Created(note);
        });
        StatefulEndpoints.Map(routes, path, () => Book().Records, shape.ToWire);
    }
}
