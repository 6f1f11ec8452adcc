namespace Portal.Web.Tests.Support;

/// <summary>What an admin does through the organisation pages, as a browser would.</summary>
public static class AdminSteps
{
    /// <summary>Submits the "Add an organisation" form (not the approve or decline forms above it).</summary>
    public static async Task<HttpResponseMessage> AddOrganisationAsync(this HttpClient admin, string name, string type = "CareProvider", string postcode = "LS6 1AA", string? cqc = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Type"] = type, ["Input.Postcode"] = postcode };
        if (cqc is not null)
            fields["Input.CqcLocationId"] = cqc;
        return await admin.SubmitAsync(await admin.GetPageAsync("/admin/organisations"), fields, "form#add-organisation");
    }
}
