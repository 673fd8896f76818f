namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>A row of /Queries/DebtorTransactionList (read-only: the list is the only route to them).</summary>
internal sealed record DebtorTransaction
{
    public const string Invoice = "Invoice";
    public const string Payment = "Payment";
    public const string CreditNote = "CreditNote";

    public required string TransID { get; init; }

    public required string DebtorID { get; init; }

    public required string AccountNo { get; init; }

    public DateTime TransDate { get; init; }

    public required string Reference { get; init; }

    public string? Remark { get; init; }

    public required string TransactionType { get; init; }

    /// <summary>Always positive; <see cref="TransactionType"/> says whether it debits or credits the account.</summary>
    public decimal Amount { get; init; }

    public decimal AllocatedAmount { get; init; }
}
