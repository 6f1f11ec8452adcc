using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Domain.Talent;
using Portal.Infrastructure.Talent;

namespace Portal.Web;

/// <summary>A postcode typed into a form, read the same way on every page that asks for one.</summary>
public static class PostcodeFields
{
    /// <summary>
    /// Where the postcode is: null when the field was left empty (whether that is allowed is the
    /// form's own rule), and null with the reason beside the field when it is not one we know.
    /// </summary>
    /// <param name="field">The field's ModelState key, e.g. "Input.Postcode".</param>
    public static VacancyLocation? LocateField(this PostcodeDistricts postcodes, string? postcode, ModelStateDictionary modelState, string field)
    {
        ArgumentNullException.ThrowIfNull(postcodes);
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(postcode))
            return null;
        var (location, problem) = postcodes.Locate(postcode);
        if (location is null)
            modelState.AddModelError(field, problem!);
        return location;
    }
}
