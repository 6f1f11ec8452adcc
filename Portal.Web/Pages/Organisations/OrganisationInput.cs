using System.ComponentModel.DataAnnotations;
using Portal.Domain.Organisations;

namespace Portal.Web.Pages.Organisations;

/// <summary>The facts about an organisation that an admin adds or an employer asks for (rendered by _OrganisationFields).</summary>
public class OrganisationInput
{
    [Required(ErrorMessage = "Enter the organisation's name")]
    [StringLength(Organisation.MaxNameLength, ErrorMessage = "The name can be at most 200 characters")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choose the kind of organisation")]
    public OrganisationType? Type { get; set; }

    [RegularExpression("^1-[0-9]{6,12}$", ErrorMessage = "A CQC location id looks like 1-123456789")]
    public string? CqcLocationId { get; set; }

    [Required(ErrorMessage = "Enter the organisation's postcode")]
    public string Postcode { get; set; } = "";

    public static string TypeName(OrganisationType type) => type switch
    {
        OrganisationType.CareProvider => "Care provider",
        OrganisationType.NhsTrust => "NHS trust",
        OrganisationType.Council => "Council",
        _ => "Charity",
    };
}
