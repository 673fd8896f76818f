using System.Net;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>POST v1/data/{projectCode}/outbox/report/?eventActionCode=...: accepted (202) and kept for inspection.</summary>
public sealed class WeavyOutboxTests
{
    private const string Report = """
        {"baseOutbox_ID":"OUT-1","confreport_ID":"FACTURE","rowID":"C000002","sourceEntity":"customer","baseUser_ID":"U003",
         "fromArchive":"1","print":0,"messageSubject":"Votre facture","messageBody":"<p>Bonjour</p>","filename":"facture.pdf",
         "pathExport":"factures/2025","isBodyHtml":"1","replyto":"compta@example.fr","emailto":["a@example.fr","b@example.fr"],
         "attachments":[{"entity":"product","dataColumn":"label","rowID":"P0001","name":"fiche.pdf","mimeType":"application/pdf"}]}
        """;

    [Fact]
    public async Task A_report_outbox_is_accepted_and_kept_with_the_documents_fields()
    {
        await using var client = await WeavyTestClient.StartAsync(o => o.Weavy.CustomerCount = 5);

        using var response = await client.SendAsync(HttpMethod.Post, "v1/data/DEMO/outbox/report/?eventActionCode=SEND_INVOICE", Report);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var report = Assert.Single(client.Weavy.OutboxReports);
        Assert.Equal(("SEND_INVOICE", "OUT-1", "FACTURE", "C000002", "customer", "U003"), (report.EventActionCode, report.BaseOutboxId, report.ConfReportId, report.RowId, report.SourceEntity, report.BaseUserId));
        Assert.Equal((1, 0, true), (report.FromArchive, report.Print, report.IsBodyHtml));
        Assert.Equal(("Votre facture", "facture.pdf", "factures/2025"), (report.MessageSubject, report.FileName, report.PathExport));
        Assert.Equal(["compta@example.fr"], report.ReplyTo);
        Assert.Equal(["a@example.fr", "b@example.fr"], report.EmailTo);
        Assert.Equal(new WeavyOutboxAttachment("product", "label", "P0001", "fiche.pdf", "application/pdf"), Assert.Single(report.Attachments));
        Assert.Contains("\"baseOutbox_ID\":\"OUT-1\"", report.Body, StringComparison.Ordinal);

        using var noSlash = await client.SendAsync(HttpMethod.Post, "v1/Data/DEMO/outbox/report?eventActionCode=SEND_INVOICE", Report);
        Assert.Equal(HttpStatusCode.Accepted, noSlash.StatusCode);
        Assert.Equal(2, client.Weavy.OutboxReports.Count);
        client.Weavy.ClearOutbox();
        Assert.Empty(client.Weavy.OutboxReports);
    }

    [Theory]
    [InlineData("?eventActionCode=", "\"rowID\":\"C000002\"", "\"rowID\":\"C000002\"", "eventActionCode")]
    [InlineData("?eventActionCode=X", "\"rowID\":\"C000002\"", "\"rowID\":\"NOPE\"", "rowID")]
    [InlineData("?eventActionCode=X", "\"baseUser_ID\":\"U003\"", "\"baseUser_ID\":\"U999\"", "baseUser_ID")]
    [InlineData("?eventActionCode=X", "\"confreport_ID\":\"FACTURE\",", "", "confreport_ID")]
    [InlineData("?eventActionCode=X", "\"fromArchive\":\"1\"", "\"fromArchive\":3", "fromArchive")]
    [InlineData("?eventActionCode=X", "\"dataColumn\":\"label\"", "\"dataColumn\":\"photo\"", "attachments[0].dataColumn")]
    public async Task A_bad_request_is_400_naming_the_field_and_nothing_is_kept(string query, string replace, string with, string field)
    {
        await using var client = await WeavyTestClient.StartAsync(o => o.Weavy.CustomerCount = 5);

        using var response = await client.SendAsync(HttpMethod.Post, "v1/data/DEMO/outbox/report/" + query, Report.Replace(replace, with, StringComparison.Ordinal));

        var error = await WeavyTestClient.ReadJsonAsync(response);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal([field], WeavyTestClient.DetailFields(error.GetProperty("error")));
        Assert.Empty(client.Weavy.OutboxReports);
    }
}
