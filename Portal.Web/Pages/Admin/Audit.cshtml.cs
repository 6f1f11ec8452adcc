using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Audit;
using Portal.Infrastructure.Audit;

namespace Portal.Web.Pages.Admin;

/// <summary>The audit log, newest first: by or about a person, of one kind, between two dates. Admins only (folder policy).</summary>
public sealed class AuditModel(AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SearchInput Input { get; set; } = new();

    public AuditLog.Found? Found { get; private set; }

    public sealed class SearchInput
    {
        [StringLength(AuditLog.MaxSearchLength, ErrorMessage = "Search with up to 100 characters")]
        public string? Person { get; set; }

        public AuditAction? Action { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        public long? Before { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var result = await audit.SearchAsync(new AuditLog.Query(Input.Person, Input.Action, Input.From, Input.To, Input.Before), cancellationToken);
        return await this.AnswerAsync(result, found =>
        {
            Found = found;
            return Page();
        });
    }
}
