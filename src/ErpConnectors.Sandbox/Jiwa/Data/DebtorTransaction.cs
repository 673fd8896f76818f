namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>
/// A row of /Queries/DebtorTransactionList (read-only: the list is the only route to them), by the names of
/// v_Jiwa_Debtor_Transactions_List (JiwaFinancials/JiwaMCPServer, Jiwadtos.dtos.cs): TranDate, InvRemitNo,
/// DebitCredit, OutstandingAmount. The kind of transaction is in Description (the view has no type column).
/// </summary>
internal sealed record DebtorTransaction
{
    public const string Invoice = "Invoice";
    public const string Payment = "Payment";
    public const string CreditNote = "CreditNote";

    public required string TransID { get; init; }

    public required string DebtorID { get; init; }

    public required string AccountNo { get; init; }

    public DateTime TranDate { get; init; }

    /// <summary>The invoice or remittance number.</summary>
    public required string InvRemitNo { get; init; }

    public string? Remark { get; init; }

    /// <summary>Invoice, Payment or CreditNote.</summary>
    public required string Description { get; init; }

    /// <summary>True for a debit (an invoice), false for a credit (chosen reading of the view's flag).</summary>
    public bool DebitCredit => Description == Invoice;

    /// <summary>Always positive; <see cref="DebitCredit"/> says whether it debits or credits the account.</summary>
    public decimal Amount { get; init; }

    public decimal AllocatedAmount { get; init; }

    public decimal OutstandingAmount => Amount - AllocatedAmount;
}
