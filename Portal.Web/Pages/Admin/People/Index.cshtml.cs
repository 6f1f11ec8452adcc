using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;

namespace Portal.Web.Pages.Admin.People;

/// <summary>Finding a person by part of their name or email address. Admins only (folder policy).</summary>
public sealed class IndexModel(AccountAdminService accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SearchInput Input { get; set; } = new();

    /// <summary>Null until they have searched.</summary>
    public IReadOnlyList<AccountAdminService.Found>? Found { get; private set; }

    public sealed class SearchInput
    {
        [StringLength(AccountAdminService.MaxSearchLength, ErrorMessage = "Search with up to 100 characters")]
        public string? Q { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.Q) || !ModelState.IsValid)
            return Page();
        var result = await accounts.FindAsync(Input.Q, cancellationToken);
        return await this.AnswerAsync(result, found =>
        {
            Found = found;
            return Page();
        });
    }
}
