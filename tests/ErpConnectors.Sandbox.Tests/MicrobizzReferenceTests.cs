namespace ErpConnectors.Sandbox.Tests;

/// <summary>
/// Objects carry exactly the fields the Microbizz GO API document lists where its table is complete (assignment,
/// notification, connection, company): a field it does not name would be dropped by the real server.
/// </summary>
public sealed class MicrobizzReferenceTests
{
    [Theory]
    [InlineData("assignment/1", "assignment_id,task_ref,user_ref")]
    [InlineData("notification/1", "notification_id,user_ref,text,is_read,related_object")]
    [InlineData("connection/1", "connection_id,company_ref,foreigncompany_ref,outgoing_connection,connection_status,text")]
    public async Task An_object_has_the_documents_fields_and_no_others(string path, string fields)
    {
        await using var client = await MicrobizzTestClient.StartAsync();

        var record = await client.GetOkAsync(path);

        Assert.Equal(fields.Split(',').Order(StringComparer.Ordinal), record.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
