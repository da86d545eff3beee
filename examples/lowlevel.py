"""`client.lowlevel`: the generated client's typed endpoint functions, on the same key and
connection pool (no retries, no error mapping: errors come back as values)."""

from _corex import corex

from zaguan import ZaguanClient
from zaguan_corex_client.api.models import list_models
from zaguan_corex_client.models import ModelList

with corex(), ZaguanClient() as client:
    response = list_models.sync_detailed(client=client.lowlevel)
    print("status:", int(response.status_code))
    if isinstance(response.parsed, ModelList):
        print([model.id for model in response.parsed.data][:3])
