"""The terms -> change -> price -> issue flow through a client openapi-python-client generated from `surety openapi`.

Run as: python3 python_flow.py CLIENT_PARENT_DIR BASE_URL. The client package is `client` under CLIENT_PARENT_DIR
(generated with --meta none). Talks to `surety serve --emulate` with the built-in fixtures' tenant and token, and
fails (exit 1) unless every call answers its typed success and the issued transaction is `issued`.
"""
import sys
from uuid import UUID

sys.path.insert(0, sys.argv[1])
from client import AuthenticatedClient  # noqa: E402
from client.api.policy_terms_api import fetch_terms_for_policy  # noqa: E402
from client.api.policy_transactions_api import change_policy, fetch_transaction, issue_transaction, price_transaction  # noqa: E402
from client.models import ParamsChangeInstructionCreateRequest, PolicyTransactionResponse, TermListResponse  # noqa: E402
from client.models import TransactionPriceResponse  # noqa: E402

TENANT = UUID("5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001")
POLICY = "01J6A00000000000000000PA02"

api = AuthenticatedClient(base_url=sys.argv[2], token="surety-token", raise_on_unexpected_status=True)


def expect(value, kind, step):
    if not isinstance(value, kind):
        print(f"python client: {step} answered {type(value).__name__}, not {kind.__name__}: {value}")
        sys.exit(1)
    return value


terms = expect(fetch_terms_for_policy.sync(TENANT, POLICY, client=api, extended=True), TermListResponse, "fetchTermsForPolicy")
start = terms.items[0].start_time
change = expect(change_policy.sync(TENANT, POLICY, client=api, body=[
    ParamsChangeInstructionCreateRequest.from_dict({"action": "params", "effectiveTime": start.isoformat().replace("+00:00", "Z")})
]), PolicyTransactionResponse, "changePolicy")
priced = expect(price_transaction.sync(TENANT, change.locator, client=api), TransactionPriceResponse, "priceTransaction")
issued = expect(issue_transaction.sync(TENANT, change.locator, client=api), PolicyTransactionResponse, "issueTransaction")
fetched = expect(fetch_transaction.sync(TENANT, change.locator, client=api), PolicyTransactionResponse, "fetchTransaction")
if str(fetched.transaction_state) != "issued":
    print(f"python client: the change is {fetched.transaction_state}, not issued")
    sys.exit(1)
print(f"python client: terms -> change {change.locator} -> priced -> issued ({fetched.created_at.isoformat()})")
