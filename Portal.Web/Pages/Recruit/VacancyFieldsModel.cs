using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Domain.Talent;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Talent;

namespace Portal.Web.Pages.Recruit;

/// <summary>What the vacancy form partial needs: the values to show and the content to choose from.</summary>
public sealed record VacancyFieldsModel(VacancyInput Input, ContentSet Content);
