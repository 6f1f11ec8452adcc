using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> builder)
    {
        builder.ToTable("Vacancies");
        builder.HasKey(v => v.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.ComplexProperty(v => v.Details, details =>
        {
            details.Property(d => d.CareerRole).HasMaxLength(80).HasColumnName("CareerRole");
            details.Property(d => d.Title).HasMaxLength(VacancyDetails.MaxTitleLength).HasColumnName("Title");
            details.Property(d => d.DescriptionMarkdown).HasMaxLength(VacancyDetails.MaxDescriptionLength).HasColumnName("Description");
            details.Property(d => d.HourlyPay).HasPrecision(7, 2).HasColumnName("HourlyPay");
            details.Property(d => d.HoursPerWeek).HasPrecision(5, 2).HasColumnName("HoursPerWeek");
            details.Property(d => d.Days).HasConversion<int>().HasColumnName("Days");
            details.Property(d => d.Shifts).HasConversion<int>().HasColumnName("Shifts");
            details.Property(d => d.PayBasis).HasColumnName("PayBasis");
            details.Property(d => d.GuaranteedHours).HasColumnName("GuaranteedHours");
            details.Property(d => d.PaidTravelTime).HasColumnName("PaidTravelTime");
            details.Property(d => d.PaidTraining).HasColumnName("PaidTraining");
            details.Property(d => d.DrivingLicenceRequired).HasColumnName("DrivingLicenceRequired");
            details.Property(d => d.ClosingDate).HasColumnName("ClosingDate");
            details.Property(d => d.RequiredModules).HasColumnName("RequiredModules").HasMaxLength(2000)
                .HasConversion(SlugList.Converter, SlugList.Comparer);
            details.Property(d => d.RequiredProgrammes).HasColumnName("RequiredProgrammes").HasMaxLength(2000)
                .HasConversion(SlugList.Converter, SlugList.Comparer);
            details.ComplexProperty(d => d.Location, location =>
            {
                location.Property(l => l.Postcode).HasMaxLength(10).HasColumnName("Postcode");
                location.Property(l => l.District).HasMaxLength(6).HasColumnName("District");
                location.Property(l => l.Latitude).HasColumnName("Latitude");
                location.Property(l => l.Longitude).HasColumnName("Longitude");
            });
        });
        builder.HasIndex(v => v.Status);
        // The job index re-reads what changed since it last looked.
        builder.HasIndex(v => v.UpdatedAtUtc);
    }
}
