"""`DefaultAioHttpClient` and its transport (`zaguan._aiohttp`), without a network: the extra
is optional and loaded lazily, the settings aiohttp cannot honour are refused, and every
aiohttp failure becomes the httpx2 exception `zaguan._attempts` classifies. (On the wire, the
async suites run on it: tests/e2e, tests/reliability.)"""

from __future__ import annotations

import ssl
import subprocess
import sys

import aiohttp
import httpx2
import pytest
from yarl import URL

from zaguan import ConfigurationError, DefaultAioHttpClient
from zaguan._aiohttp import AioHttpTransport, _NotResent, _translate
from zaguan._retry import is_retryable_exception

REQUEST = httpx2.Request("GET", "http://127.0.0.1:9/v1/models")
KEY = aiohttp.client_reqrep.ConnectionKey("h", 1, False, True, None, None, None)


def test_import_zaguan_loads_no_aiohttp_until_the_client_is_made() -> None:
    code = (
        "import sys, zaguan\n"
        "from zaguan import DefaultAioHttpClient\n"
        "assert 'aiohttp' not in sys.modules\n"
        "DefaultAioHttpClient()\n"
        "assert 'aiohttp' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


@pytest.mark.parametrize("module", ["aiohttp", "yarl"])
def test_without_the_extra_the_error_names_the_install_command(module: str) -> None:
    code = (
        f"import sys; sys.modules[{module!r}] = None\n"
        "from zaguan import DefaultAioHttpClient  # the name imports without the extra\n"
        "try:\n"
        "    DefaultAioHttpClient()\n"
        "except ModuleNotFoundError as exc:\n"
        "    print(exc.name, exc, sep='|')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    name, message = done.stdout.strip().split("|")
    assert name == module  # the module found missing
    assert 'pip install "zaguan-corex[aiohttp]"' in message


@pytest.mark.parametrize(
    "settings",
    [{"http2": True}, {"transport": httpx2.AsyncHTTPTransport()}, {"proxy": "socks5://p:1080"}],
)
def test_what_aiohttp_cannot_do_is_refused(settings: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError, match="DefaultAsyncHttpxClient"):
        DefaultAioHttpClient(**settings)


def test_the_pool_and_timeout_are_the_sdks_unless_given() -> None:
    assert DefaultAioHttpClient().timeout == httpx2.Timeout(600, connect=10)
    limits = httpx2.Limits(max_connections=7)
    transport = AioHttpTransport(limits=limits, verify=ssl.create_default_context())
    assert transport.limits is limits
    assert transport.in_flight == 0


async def test_a_closed_transport_sends_nothing() -> None:
    transport = AioHttpTransport(limits=httpx2.Limits())
    await transport.aclose()
    assert transport.is_closed
    with pytest.raises(RuntimeError, match="closed"):
        await transport.handle_async_request(REQUEST)


def _os_error() -> aiohttp.ClientOSError:
    return aiohttp.ClientOSError(104, "Connection reset by peer")


TRANSLATIONS = [
    (aiohttp.ConnectionTimeoutError("connect"), False, httpx2.ConnectTimeout),
    (aiohttp.SocketTimeoutError("read"), True, httpx2.ReadTimeout),
    (aiohttp.ServerTimeoutError("read"), False, httpx2.ReadTimeout),
    (TimeoutError(), True, httpx2.ReadTimeout),
    (aiohttp.ClientConnectorError(KEY, OSError(111, "refused")), False, httpx2.ConnectError),
    (aiohttp.ClientProxyConnectionError(KEY, OSError(111, "refused")), False, httpx2.ProxyError),
    (aiohttp.ServerDisconnectedError(), False, httpx2.RemoteProtocolError),
    (aiohttp.ClientPayloadError("not completed"), True, httpx2.RemoteProtocolError),
    (aiohttp.InvalidURL("x"), False, httpx2.UnsupportedProtocol),
    (_os_error(), False, httpx2.WriteError),
    (_os_error(), True, httpx2.ReadError),
    (ConnectionResetError(), True, httpx2.ReadError),
]


@pytest.mark.parametrize(("error", "reading", "expected"), TRANSLATIONS)
def test_every_aiohttp_failure_is_httpx2s(
    error: BaseException, reading: bool, expected: type[httpx2.TransportError]
) -> None:
    translated = _translate(error, REQUEST, reading=reading)
    assert type(translated) is expected
    assert translated.request is REQUEST
    # The retry policy reads httpx2's classes: only a bad URL (or a proxy) is final.
    final = (httpx2.UnsupportedProtocol, httpx2.ProxyError)
    assert is_retryable_exception(translated) is not issubclass(expected, final)


def test_a_failure_kept_from_aiohttps_resend_is_translated_as_itself() -> None:
    error = _NotResent("reset")
    error.__cause__ = aiohttp.ServerDisconnectedError()
    assert type(_translate(error, REQUEST, reading=False)) is httpx2.RemoteProtocolError


def test_a_certificate_failure_is_not_retried() -> None:
    cause = ssl.SSLCertVerificationError("certificate verify failed")
    error = aiohttp.ClientConnectorCertificateError(KEY, cause)
    error.__cause__ = cause
    translated = _translate(error, REQUEST, reading=False)
    translated.__cause__ = error
    assert type(translated) is httpx2.ConnectError
    assert not is_retryable_exception(translated)


def test_the_url_is_sent_as_httpx2_encoded_it() -> None:
    url = httpx2.URL("http://h/v1/models/openai%2Fgpt-4o-mini?q=a%20b")
    assert str(URL(str(url), encoded=True)) == "http://h/v1/models/openai%2Fgpt-4o-mini?q=a%20b"


def test_with_trust_env_the_environments_proxy_carries_every_request() -> None:
    # In a child process: the proxy variables are process-wide, and the proxy is local.
    code = """if True:
        import asyncio, os
        from zaguan import DefaultAioHttpClient

        async def main():
            lines = []

            async def proxy(reader, writer):
                while line := await reader.readline():
                    if line == b"\\r\\n":
                        writer.write(b"HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok")
                        await writer.drain()
                    elif line.startswith(b"GET"):
                        lines.append(line.decode().strip())
                writer.close()

            server = await asyncio.start_server(proxy, "127.0.0.1", 0)
            port = server.sockets[0].getsockname()[1]
            os.environ["HTTP_PROXY"] = f"http://127.0.0.1:{port}"
            async with DefaultAioHttpClient() as http:
                for path in ("/a", "/b"):
                    assert (await http.get(f"http://api.example{path}")).text == "ok"
            server.close()
            print(*lines, sep="|")

        asyncio.run(main())
    """
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip().split("|") == [
        "GET http://api.example/a HTTP/1.1",
        "GET http://api.example/b HTTP/1.1",
    ]
