using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Recruit;

/// <summary>What the vacancy form partial needs: the values to show and the content to choose from.</summary>
public sealed record VacancyFieldsModel(VacancyInput Input, ContentSet Content);
