using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Weavy.Http;

/// <summary>
/// Every Weavy route, in one table so a path the contract chose can be corrected in one edit. Paths are
/// relative to the base ({root}/weavy) and match ignoring case (ASP.NET routing), so the document's
/// "v1/data/..." spelling of the outbox and merge routes and "v1/Data/..." both work. Literal segments win
/// over {entity}, so an entity can never be called Select, Users or Tasks.
/// </summary>
internal sealed class WeavyRoutes(IEndpointRouteBuilder endpoints, string basePath)
{
    public const string Authenticate = "/v1/Authenticate";
    public const string DictionaryList = "/v1/Dictionary/{projectCode}";
    public const string DictionaryEntity = "/v1/Dictionary/{projectCode}/{entity}";
    public const string Data = "/v1/Data/{projectCode}";
    public const string Select = Data + "/Select";
    public const string Create = Data + "/{entity}";
    public const string Record = Data + "/{entity}/{code}";
    public const string ImportDataSet = Data + "/ImportDataSet";
    public const string BulkImport = Data + "/BulkImport";
    public const string RelationalDataSet = Data + "/RelationalDataSet";
    public const string DeleteDataSet = Data + "/DeleteDataSet";
    public const string ExportValidation = Data + "/ExportValidation";
    public const string ExportValidations = Data + "/ExportValidations";
    public const string Users = Data + "/Users";
    public const string Tasks = Data + "/Tasks";
    public const string OutboxReport = "/v1/data/{projectCode}/outbox/report";
    public const string MergeData = "/v1/data/{projectCode}/{entity}/mergeData";

    public void Map(string method, string pattern, Func<HttpContext, Task<IResult>> handler, bool isAuthentication = false) =>
        ResultRoutes.Map(endpoints, method, basePath + pattern, new WeavyRouteInfo(isAuthentication), handler);
}
