using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Talent;
using Portal.Infrastructure.Talent;

namespace Portal.Web.Pages.Admin.Organisations;

/// <summary>Every organisation, and the form to add one. Admins only (folder policy).</summary>
public sealed class IndexModel(OrganisationService organisations) : PageModel
{
    public IReadOnlyList<OrganisationService.OrganisationSummary> Organisations { get; private set; } = [];

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public sealed class CreateInput
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
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organisations = await organisations.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (organisation, problem) = await organisations.CreateAsync(Input.Name, Input.Type!.Value, Input.CqcLocationId, Input.Postcode, cancellationToken);
            if (organisation is not null)
            {
                TempData["StatusMessage"] = $"{organisation.Name} is added. Now add the first recruiter or manager.";
                return Redirect($"/admin/organisations/{organisation.Id}");
            }
            ModelState.AddModelError("Input.Postcode", problem!);
        }
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public static string TypeName(OrganisationType type) => type switch
    {
        OrganisationType.CareProvider => "Care provider",
        OrganisationType.NhsTrust => "NHS trust",
        OrganisationType.Council => "Council",
        _ => "Charity",
    };
}
