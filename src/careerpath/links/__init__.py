"""Link health: check each resource's URL politely and hide the ones that stay broken."""
