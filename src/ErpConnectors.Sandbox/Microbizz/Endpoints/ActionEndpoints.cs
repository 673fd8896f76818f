using System.Globalization;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Microbizz.Data;
using ErpConnectors.Sandbox.Microbizz.Http;

namespace ErpConnectors.Sandbox.Microbizz.Endpoints;

/// <summary>POST cancelsubscription/{company id} and POST deviceid.</summary>
internal static class ActionEndpoints
{
    private static readonly string[] Platforms = ["android", "ios"];

    public static async Task<IResult> PostAsync(HttpContext context, MicrobizzSandbox microbizz, MicrobizzRequest request)
    {
        var database = microbizz.Database;
        if (request.Object.Name == MicrobizzObjects.CancelSubscription)
        {
            return CancelSubscription(database, request);
        }

        ObjectEndpoint.RefuseId(request);
        var body = await ObjectEndpoint.ReadBodyAsync(context).ConfigureAwait(false);
        var input = RowInput.Parse(request.Object, body, routeId: null, database);
        input.CheckRequired(request.Object);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        input.ApplyTo(values, database.Files);
        var platform = (string)values["platform_name"]!;
        if (!Platforms.Contains(platform, StringComparer.Ordinal))
        {
            throw MicrobizzErrors.BadRequest($"platform_name is android or ios, not '{platform}'.");
        }

        // Chosen: 201 the first time a device id is posted, 200 when it is posted again ("this will just update
        // the last change date of it"); the answer is an empty object, the endpoint being write-only.
        var isNew = database.PutDeviceId(platform, (string)values["device_id_string"]!);
        return ExactJson.Answer(new Dictionary<string, object>(), isNew ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>
    /// Chosen: the id must be an existing company (404 otherwise) and the current user's own (403 for another,
    /// the document's "not allowed ... with the supplied access token"); a company without a subscription is
    /// 400. Cancelling stops the renewal, the subscription runs to its end date; the answer is the
    /// subscription information after it. Cancelling twice is no error. No body is needed.
    /// </summary>
    private static IResult CancelSubscription(MicrobizzDatabase database, MicrobizzRequest request)
    {
        var companyId = request.Id is null
            ? throw MicrobizzErrors.BadRequest("cancelsubscription needs the company id: cancelsubscription/COMPANY_ID.")
            : ObjectEndpoint.ParseId(request);
        if (!database.Table(MicrobizzObjects.Company).Exists(companyId))
        {
            throw MicrobizzErrors.NotFound(string.Create(CultureInfo.InvariantCulture, $"No company {companyId}."));
        }

        if (companyId != MicrobizzSeed.CurrentCompanyId)
        {
            throw new MicrobizzApiException(403, string.Create(CultureInfo.InvariantCulture, $"Company {companyId} is not yours: you may only cancel company {MicrobizzSeed.CurrentCompanyId}'s subscription."));
        }

        if (!database.HasSubscription)
        {
            throw MicrobizzErrors.BadRequest("The company has no subscription to cancel.");
        }

        database.Renewing = false;
        return ExactJson.Answer(SingleEndpoints.Subscription(database));
    }
}
