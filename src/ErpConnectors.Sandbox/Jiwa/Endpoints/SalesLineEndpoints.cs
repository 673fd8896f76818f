using ErpConnectors.Sandbox.Jiwa.Data;
using ErpConnectors.Sandbox.Jiwa.Http;
using ErpConnectors.Sandbox.Jiwa.Sales;

namespace ErpConnectors.Sandbox.Jiwa.Endpoints;

/// <summary>
/// A document's lines by its history, as the vendor's SalesOrderLine* and SalesQuoteLine* DTOs route them:
/// GET /{Route}/{id}/Historys/{historyId}/Lines (the lines), POST (201 + the line), and GET, PATCH (200 + the
/// line) and DELETE (204) of /Lines/{lineId}. A history or line the document does not have is 404. All honour the
/// jiwa-stateful header.
/// </summary>
internal static class SalesLineEndpoints
{
    public static void Map(JiwaRoutes routes, JiwaSandbox jiwa, SalesDocumentShape shape)
    {
        SalesBook Book() => jiwa.Records.Book(shape);
        var lines = $"/{shape.Route}/{{id}}/Historys/{{historyId}}/Lines";

        routes.Get(lines, context => JiwaJson.Ok(History(Book(), context).Lines.Select(shape.LineToWire).ToList()));
        routes.Map(HttpMethods.Post, lines, async context =>
        {
            var append = Book().Writer.AppendLine(await JiwaBody.ReadAsync(context).ConfigureAwait(false));
            SalesDocumentLine? added = null;
            Change(Book(), context, document =>
            {
                var (changed, line) = append(document);
                added = line;
                return changed;
            });
            return JiwaJson.Created(shape.LineToWire(added!));
        });
        routes.Get(lines + "/{lineId}", context => JiwaJson.Ok(shape.LineToWire(Line(Book(), History(Book(), context), context))));
        routes.Map(HttpMethods.Patch, lines + "/{lineId}", async context =>
        {
            var lineId = LineId(context);
            var edit = Book().Writer.EditLine(await JiwaBody.ReadAsync(context).ConfigureAwait(false), lineId);
            var changed = Change(Book(), context, edit);
            return JiwaJson.Ok(shape.LineToWire(Line(Book(), changed, context)));
        });
        routes.Delete(lines + "/{lineId}", context =>
        {
            Change(Book(), context, document =>
            {
                var line = Line(Book(), document, context);
                return document with { Lines = [.. document.Lines.Where(l => !ReferenceEquals(l, line))] };
            });
            return Results.NoContent();
        });
    }

    private static string LineId(HttpContext context) => (string)context.GetRouteValue("lineId")!;

    /// <summary>The document, once its history id is checked.</summary>
    private static SalesDocument History(SalesBook book, HttpContext context) =>
        CheckHistory(book, book.Records.Read(JiwaRequest.Call(context), JiwaRequest.Id(context)), context);

    private static SalesDocument Change(SalesBook book, HttpContext context, Func<SalesDocument, SalesDocument> change) =>
        book.Records.Change(JiwaRequest.Call(context), JiwaRequest.Id(context), document => change(CheckHistory(book, document, context)));

    private static SalesDocument CheckHistory(SalesBook book, SalesDocument document, HttpContext context)
    {
        var historyId = (string)context.GetRouteValue("historyId")!;
        return string.Equals(historyId, document.HistoryId, StringComparison.OrdinalIgnoreCase)
            ? document
            : throw JiwaErrors.RecordNotFound($"{book.Shape.What} history", book.Shape.HistoryIdName, historyId);
    }

    private static SalesDocumentLine Line(SalesBook book, SalesDocument document, HttpContext context)
    {
        var lineId = LineId(context);
        return document.Lines.FirstOrDefault(l => string.Equals(l.LineId, lineId, StringComparison.OrdinalIgnoreCase))
            ?? throw JiwaErrors.RecordNotFound($"{book.Shape.What} line", book.Shape.LineIdName, lineId);
    }
}
