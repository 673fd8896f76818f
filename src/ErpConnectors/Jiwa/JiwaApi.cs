using System;
using System.Collections.Generic;
using System.Net.Http;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Jiwa;

/// <summary>
/// Everything the Jiwa connector knows about the wire, in one place: routes, AutoQuery paging, headers and record
/// type names. Corrections for a real server belong here, not in the cmdlets.
/// </summary>
internal static class JiwaApi
{
    public const string SystemName = "Jiwa";
    public const string SandboxPath = "jiwa";

    /// <summary>Rows per AutoQuery page we ask for. The server may cap it silently (AutoQueryMaxLimit); paging follows Total.</summary>
    public const int DefaultPageSize = 500;
    public const int MaxPageSize = 10000;

    // Authentication (ServiceStack).
    public const string Auth = "auth";
    public const string Logout = "auth/logout";
    public const string KeepAlive = "KeepAlive";
    public const string SessionHeader = "X-ss-id";

    /// <summary>Stateful edits: the server keeps the record in the session until Save or Abandon.</summary>
    public const string StatefulHeader = "jiwa-stateful";

    // Records and their AutoQuery lists.
    public static readonly JiwaResource Debtors = new("Debtors", "Queries/DebtorList", "DebtorID", JiwaTypeNames.Debtor, "debtor");
    public static readonly JiwaResource SalesOrders = new("SalesOrders", "Queries/SalesOrderList", "InvoiceID", JiwaTypeNames.SalesOrder, "sales order");
    /// <summary>
    /// The quote list's rows (v_Jiwa_SalesQuote_List) name the quote InvoiceID and InvoiceNo "for reasons of legacy"
    /// (JiwaFinancials/JiwaAPITests, SalesQuotes/SalesQuote.cs); a row also gets QuoteID and QuoteNo (chosen) so
    /// it pipes into the quote cmdlets like a quote read by id.
    /// </summary>
    public static readonly JiwaResource SalesQuotes = new("SalesQuotes", "Queries/SalesQuoteList", "QuoteID", JiwaTypeNames.SalesQuote, "sales quote", ("InvoiceID", "QuoteID"), ("InvoiceNo", "QuoteNo"));
    public static readonly JiwaResource Inventory = new("Inventory", "Queries/InventoryItemList", "InventoryID", JiwaTypeNames.Inventory, "inventory item");
    public static readonly JiwaResource DebtorTransactions = new(null, "Queries/DebtorTransactionList", "TransID", JiwaTypeNames.DebtorTransaction, "debtor transaction");

    /// <summary>The resources whose records can be edited statefully (Save/Abandon routes).</summary>
    public static readonly JiwaResource[] Stateful = { Debtors, SalesOrders, SalesQuotes };

    /// <summary>AutoQuery: Skip/Take, and Include=Total so paging can follow the total past a silent Take cap.</summary>
    public static PagingStrategy AutoQueryPaging() =>
        new OffsetPaging("Skip", "Take", totalProperty: "Total", askForTotal: request => request.Set("Include", "Total"));

    /// <summary>
    /// -ChangedSince: AutoQuery's GreaterThanOrEqualTo on the rows' LastSavedDateTime (declared on the query DTOs of
    /// the published service model; inclusive, so a row saved at the moment of the last run is read again, not lost).
    /// </summary>
    public const string ChangedSinceFilter = "LastSavedDateTimeGreaterThanOrEqualTo";

    /// <summary>
    /// ServiceStack's 404 for a route it has no handler for ("Handler for Request not found"), as against a 404 for a
    /// record: only the former means the request never reached a service, so another route may be tried.
    /// </summary>
    public static bool IsMissingRoute(ApiException ex) =>
        ex.StatusCode == System.Net.HttpStatusCode.NotFound && ex.Message.IndexOf("Handler for Request not found", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>Where AutoQuery answers hold their rows.</summary>
    public const string ResultsProperty = "Results";

    public static string Escape(string id) => Uri.EscapeDataString(id);

    public static ApiRequest MarkStateful(ApiRequest request, bool stateful)
    {
        if (stateful)
        {
            request.Headers[StatefulHeader] = "true";
            request.SessionBound = true;
        }

        return request;
    }

    /// <summary>
    /// Save and Abandon end a stateful edit: they depend on the session, and Save commits (it is a GET that must
    /// never be replayed after it may have reached the server).
    /// </summary>
    public static ApiRequest MarkStatefulEnd(ApiRequest request)
    {
        string path = request.Path.Split('?')[0].TrimEnd('/');
        if (path.EndsWith("/Save", StringComparison.OrdinalIgnoreCase))
        {
            request.SessionBound = true;
            request.Idempotent = false;
        }
        else if (path.EndsWith("/Abandon", StringComparison.OrdinalIgnoreCase))
        {
            request.SessionBound = true;
        }

        return request;
    }
}

/// <summary>One kind of Jiwa record: its route, its AutoQuery list, its key and its PowerShell type name.</summary>
internal sealed class JiwaResource
{
    public JiwaResource(string? route, string list, string key, string typeName, string noun, params (string ListName, string RecordName)[] listAliases)
    {
        ListAliases = listAliases;
        Route = route;
        List = list;
        Key = key;
        TypeName = typeName;
        Noun = noun;
    }

    /// <summary>"Debtors": records are at Debtors/{id}. Null for list-only kinds.</summary>
    public string? Route { get; }

    public string List { get; }

    /// <summary>List columns whose value a row also carries under the record's name, when the row lacks it.</summary>
    public IReadOnlyList<(string ListName, string RecordName)> ListAliases { get; }

    /// <summary>The id property: DebtorID, InvoiceID, QuoteID, InventoryID.</summary>
    public string Key { get; }

    public string TypeName { get; }

    /// <summary>For messages: "debtor", "sales order".</summary>
    public string Noun { get; }

    public string One(string id) => $"{Route}/{JiwaApi.Escape(id)}";

    public string Save(string id) => $"{One(id)}/Save";

    public string Abandon(string id) => $"{One(id)}/Abandon";

    /// <summary>
    /// The other reading of a debtor's Save and Abandon: /Debtors/Save?DebtorID= (a server's 2022 OpenAPI), where
    /// the guide's pattern is /Debtors/{id}/Save. Tried only when the first form is a route the server lacks
    /// (chosen; see <see cref="JiwaApi.IsMissingRoute"/>). Null for the kinds whose route every reference agrees on.
    /// </summary>
    public ApiRequest? AlternateEnd(HttpMethod method, string id) =>
        ReferenceEquals(this, JiwaApi.Debtors)
            ? new ApiRequest(method, $"{Route}/{(method == HttpMethod.Get ? "Save" : "Abandon")}").Add(Key, id)
            : null;

    public string Notes(string id) => $"{One(id)}/Notes";
}
