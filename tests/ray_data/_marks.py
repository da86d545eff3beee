"""What the tests on the local Ray carry (``pytestmark = RAY``)."""

import pytest

# The session's local Ray; and no error for Ray Data's warnings about its own deprecated
# settings, which it sets whenever it copies its DataContext (Ray 2.60). Not an xdist_group:
# --dist loadgroup did not group tests with pytest 9.2 and xdist 3.8 (checked on a bare file),
# so each xdist worker that runs one of these tests starts its own Ray (two at most in CI).
RAY = [
    pytest.mark.usefixtures("ray_cluster"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.data.context"),
]
