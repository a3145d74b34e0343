using CallVault.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class ServiceSecretConfiguration : IEntityTypeConfiguration<ServiceSecret>
{
    public void Configure(EntityTypeBuilder<ServiceSecret> builder)
    {
        builder.ToTable("ServiceSecrets");
        builder.HasKey(s => s.Name);
    }
}
