def get_context(context):
	# The document and the notification are all the templates use.
	pass
