namespace ErpConnectors.Sandbox.Weavy.Schema;

/// <summary>
/// The sandbox project's entities (the brief's four), with DE/EN/FR labels like the document's example.
/// Text lengths are chosen: 50 for codes, logins, statuses and phones, 255 for names, e-mails and labels
/// (the document's example shows 255).
/// </summary>
internal static class WeavyDictionary
{
    public const string Customer = "customer";
    public const string CustomerContact = "customercontact";
    public const string Product = "product";
    public const string BaseUser = "baseuser";

    private const int CodeLength = 50;
    private const int TextLength = 255;

    public static readonly EntityDefinition CustomerEntity = new(
        Customer,
        Translation.Of("Kunde", "Customer", "Client"),
        [
            Key(Customer, "Kunde", "Customer code", "Code client"),
            Text("name", TextLength, "Name", "Name", "Nom"),
            Text("city", TextLength, "Stadt", "City", "Ville"),
            Text("email", TextLength, "E-Mail", "E-mail", "E-mail"),
            Field("revenue", FieldType.Decimal, "Umsatz", "Revenue", "Chiffre d'affaires"),
            Text("status", CodeLength, "Status", "Status", "Statut"),
            Field("isActive", FieldType.Boolean, "Aktiv", "Active", "Actif"),
            Field("createdOn", FieldType.DateTime, "Erstellt am", "Created on", "Créé le"),
            Field("baseuser_ID", FieldType.ForeignKey, "Basis / Benutzer", "Base / User", "Base / Utilisateur"),
            .. ServerFields(),
        ]);

    public static readonly EntityDefinition CustomerContactEntity = new(
        CustomerContact,
        Translation.Of("Kundenkontakt", "Customer contact", "Contact client"),
        [
            Key(CustomerContact, "Kontakt", "Contact code", "Code contact"),
            Field("customer_ID", FieldType.ForeignKey, "Kunde", "Customer", "Client"),
            Text("firstName", TextLength, "Vorname", "First name", "Prénom"),
            Text("lastName", TextLength, "Nachname", "Last name", "Nom"),
            Text("email", TextLength, "E-Mail", "E-mail", "E-mail"),
            Text("phone", CodeLength, "Telefon", "Phone", "Téléphone"),
            .. ServerFields(),
        ]);

    public static readonly EntityDefinition ProductEntity = new(
        Product,
        Translation.Of("Artikel", "Product", "Article"),
        [
            Key(Product, "Artikel", "Product code", "Code article"),
            Text("label", TextLength, "Bezeichnung", "Label", "Libellé"),
            Field("price", FieldType.Decimal, "Preis", "Price", "Prix"),
            Field("stock", FieldType.Integer, "Bestand", "Stock", "Stock"),
            .. ServerFields(),
        ]);

    public static readonly EntityDefinition BaseUserEntity = new(
        BaseUser,
        Translation.Of("Basis / Benutzer", "Base / User", "Base / Utilisateur"),
        [
            Key(BaseUser, "Benutzer", "User code", "Code utilisateur"),
            Text("login", CodeLength, "Anmeldename", "Login", "Identifiant"),
            Text("name", TextLength, "Name", "Name", "Nom"),
            Text("email", TextLength, "E-Mail", "E-mail", "E-mail"),
            Text("status", CodeLength, "Status", "Status", "Statut"),
            .. ServerFields(),
        ]);

    /// <summary>In the order the entity list answers them.</summary>
    public static readonly IReadOnlyList<EntityDefinition> Entities = [CustomerEntity, CustomerContactEntity, ProductEntity, BaseUserEntity];

    /// <summary>An entity by its exact name.</summary>
    public static EntityDefinition? Find(string name) => Entities.FirstOrDefault(e => e.Name == name);

    /// <summary>The entity a case-only misspelling meant, for the error's hint.</summary>
    public static EntityDefinition? FindIgnoringCase(string name) =>
        Entities.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    private static FieldDefinition Key(string entity, string de, string en, string fr) =>
        new(entity + EntityDefinition.KeySuffix, FieldType.Text, CodeLength, Translation.Of(de, en, fr));

    private static FieldDefinition Text(string name, int length, string de, string en, string fr) =>
        new(name, FieldType.Text, length, Translation.Of(de, en, fr));

    private static FieldDefinition Field(string name, FieldType type, string de, string en, string fr) =>
        new(name, type, null, Translation.Of(de, en, fr));

    private static FieldDefinition[] ServerFields() =>
    [
        Field(FieldDefinition.ServerDate, FieldType.DateTime, "Serverdatum (UTC)", "Server date (UTC)", "Date serveur (UTC)"),
        Field(FieldDefinition.ServerExport, FieldType.Integer, "Exportstatus", "Export status", "Statut export"),
    ];
}
