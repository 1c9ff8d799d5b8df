namespace Microchat.Server.Errors;

/// <summary>A bound argument that checks itself before the handler runs, throwing <see cref="DomainException"/>.</summary>
internal interface ISelfValidating
{
    void Validate();
}
