using System.Net;
using System.Text;
using ErpConnectors.Core.Errors;
using ErpConnectors.Jiwa;
using ErpConnectors.Severa;
using ErpConnectors.Weavy;

namespace ErpConnectors.Tests;

/// <summary>Error messages say each thing once, and a missing record is NotFound on every system.</summary>
public class VendorMessageTests
{
    [Fact]
    public void Jiwa_does_not_repeat_the_field_name_or_the_message()
    {
        VendorError? error = new JiwaErrorParser(apiKey: false).Parse(HttpStatusCode.BadRequest,
            "{\"ResponseStatus\":{\"ErrorCode\":\"ArgumentException\",\"Message\":\"OrderBy: 'Nme' is not a field of DebtorList\",\"Errors\":[{\"ErrorCode\":\"ArgumentException\",\"FieldName\":\"OrderBy\",\"Message\":\"OrderBy: 'Nme' is not a field of DebtorList\"}]}}",
            new HttpResponseMessage().Headers);

        Assert.Equal("OrderBy: 'Nme' is not a field of DebtorList", error!.Message);
    }

    [Fact]
    public void Weavy_does_not_repeat_a_detail_that_is_the_message()
    {
        VendorError? error = new WeavyErrorParser().Parse(HttpStatusCode.BadRequest,
            "{\"error\":{\"code\":\"UnknownEntity\",\"message\":\"The entity 'Customer' does not exist.\",\"details\":[{\"field\":\"entityName\",\"message\":\"The entity 'Customer' does not exist.\"}]}}",
            new HttpResponseMessage().Headers);

        Assert.Equal("The entity 'Customer' does not exist.", error!.Message);
    }

    [Fact]
    public void Different_details_are_kept_each_once_with_their_field()
    {
        string message = VendorMessage.Join("Row 3 rejected", new (string?, string?)[] { ("revenue", "not a decimal"), ("revenue", "not a decimal"), ("name", "name: too long") });

        Assert.Equal("Row 3 rejected (revenue: not a decimal; name: too long)", message);
    }

    [Fact]
    public async Task A_Severa_404_is_NotFound_not_InvalidParameter()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("{\"error\":{\"httpStatusCode\":404,\"type\":\"InvalidParameter\",\"details\":[{\"message\":\"Customer with guid 'x' was not found.\",\"location\":\"guid\"}]}}", Encoding.UTF8, "application/json"),
        };

        ApiException ex = await ErrorMapper.FromResponseAsync("Severa", response, new SeveraErrorParser(), "GET /customers/x");

        Assert.Equal("Severa.NotFound", ex.ErrorId);
        Assert.Equal("InvalidParameter", ex.VendorCode);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, ex.Category);
    }
}
