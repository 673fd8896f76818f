using System.Globalization;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Microbizz.Data;
using ErpConnectors.Sandbox.Microbizz.Http;

namespace ErpConnectors.Sandbox.Microbizz.Endpoints;

/// <summary>GET currentuser, paymenturl, subscriptioninformation: one object each, no id.</summary>
internal static class SingleEndpoints
{
    public static IResult Get(HttpContext context, MicrobizzSandbox microbizz, MicrobizzRequest request)
    {
        ObjectEndpoint.RefuseId(request);
        var database = microbizz.Database;
        switch (request.Object.Name)
        {
            case MicrobizzObjects.CurrentUser:
                var users = database.Table(MicrobizzObjects.User);
                return RowWriter.One(users.Definition, users.Find(MicrobizzSeed.CurrentUserId)!, binaries: null);
            case MicrobizzObjects.PaymentUrl:
                // Chosen: a URL on the sandbox's host that is not served (payments are out of scope).
                return ExactJson.Answer(new Dictionary<string, object>
                {
                    ["url"] = string.Create(CultureInfo.InvariantCulture, $"{context.Request.Scheme}://{context.Request.Host}{MicrobizzSystem.PrefixPath}/payment?company_id={MicrobizzSeed.CurrentCompanyId}"),
                });
            default:
                return ExactJson.Answer(Subscription(database));
        }
    }

    /// <summary>
    /// The document's fields; when got_subscription is false "the rest of the fields aren't returned". Prices
    /// are numbers (chosen), the total is the unit price times the users of the company.
    /// </summary>
    public static Dictionary<string, object> Subscription(MicrobizzDatabase database)
    {
        if (!database.HasSubscription)
        {
            return new() { ["got_subscription"] = false };
        }

        return new()
        {
            ["got_subscription"] = true,
            ["renewing"] = database.Renewing,
            ["end_date"] = database.SubscriptionEndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["unit_price"] = database.UnitPrice,
            ["total_price"] = database.UnitPrice * MicrobizzSeed.UserCount,
        };
    }
}
